package fr.parcours.admin;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser's setup, offers and grid pages over plain HTTP: only for the fair's owner, forms without JavaScript. */
class AdminPagesTest extends ServerTest {

  private static AssociationApi own;
  private static String session;

  @BeforeAll
  static void twoOrganisers() {
    own = new AssociationApi(app, "salon-a");
    new AssociationApi(app, "salon-b");
    HttpResponse<Buffer> signedIn = PageForms.post(app, "/admin/login", MultiMap.caseInsensitiveMultiMap()
        .add("email", "salon-a@organiser.test").add("password", TestApp.ORGANISER_PASSWORD));
    String cookie = signedIn.cookies().stream().filter(c -> c.startsWith("parcours_admin=")).findFirst().orElseThrow();
    session = cookie.substring(0, cookie.indexOf(';'));
  }

  @Test
  void anotherOrganisersFairIsForbidden() {
    for (String page : List.of("offers", "programme", "settings", "resources/rooms")) {
      assertEquals(200, get("/admin/fairs/salon-a/" + page).statusCode(), page);
      assertEquals(403, get("/admin/fairs/salon-b/" + page).statusCode(), page);
    }
    assertEquals(404, get("/admin/fairs/salon-a/resources/sessions").statusCode(), "sessions are placed on the grid");
  }

  @Test
  void aRefusedFormComesBackWithTheErrorNextToItsField() {
    HttpResponse<Buffer> refused = post("/admin/fairs/salon-a/resources/rooms", MultiMap.caseInsensitiveMultiMap()
        .add("slug", "amphi").add("name", "Amphi").add("venue", "hotel").add("kind", "conference")
        .add("capacity", "0"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("id=\"e-rooms-capacity\""), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("doit valoir au moins 1"), "the problem is said in French");
    assertTrue(refused.bodyAsString().contains("value=\"amphi\""), "what was typed is shown again");

    HttpResponse<Buffer> created = post("/admin/fairs/salon-a/resources/rooms", MultiMap.caseInsensitiveMultiMap()
        .add("slug", "amphi").add("name", "Amphi").add("venue", "hotel").add("kind", "conference")
        .add("capacity", "120"));
    assertEquals(303, created.statusCode(), created.bodyAsString());
    assertTrue(get("/admin/fairs/salon-a/resources/rooms").bodyAsString().contains("Amphi"));
    assertEquals(120, await(app.pool().query("SELECT capacity FROM rooms WHERE slug = 'amphi'").execute())
        .iterator().next().getInteger(0));
  }

  private static HttpResponse<Buffer> get(String path) {
    return await(app.client().get(path).putHeader("Cookie", session).putHeader("Accept", "text/html")
        .followRedirects(false).send());
  }

  private static HttpResponse<Buffer> post(String path, MultiMap form) {
    String token = PageForms.csrfToken(app);
    return await(app.client().post(path).putHeader("Cookie", "csrf=" + token + "; " + session)
        .putHeader("Accept", "text/html").followRedirects(false).sendForm(form.set("csrf", token)));
  }
}
