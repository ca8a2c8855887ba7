package fr.parcours.association;

import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What anyone may read carries no one's personal data. */
class PrivacyTest extends ServerTest {

  @Test
  void thePublicProgrammeNamesAssociationsWithoutTheirAddresses() {
    AssociationApi fair = new AssociationApi(app, "salon-prive");
    fair.create(fair.base + "/associations", new JsonObject().put("slug", "cap-metiers").put("name", "Cap Métiers")
        .put("contact_email", "contact@cap-metiers.example"));
    fair.signedIn("Les Ingénieuses", "camille@ingenieuses.example");
    for (String path : new String[] {fair.base, "/fairs/salon-prive", "/fairs/salon-prive/selection",
        fair.base + "/stands"}) {
      HttpResponse<Buffer> anonymous = await(app.client().get(path).send());
      assertEquals(200, anonymous.statusCode(), path);
      String body = anonymous.bodyAsString();
      assertFalse(body.contains("cap-metiers.example") || body.contains("ingenieuses.example"), path + ": " + body);
    }
    String anonymous = await(app.client().get(fair.base).send()).bodyAsString();
    assertTrue(anonymous.contains("Cap Métiers"), anonymous);
    HttpResponse<Buffer> owner = await(TestApp.authorized(app.client().get(fair.base), fair.organiser).send());
    assertTrue(owner.bodyAsString().contains("contact@cap-metiers.example"), owner.bodyAsString());
  }
}
