package fr.parcours.allocation;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The organiser's shares of an allocation: saved whole, read back, refused with the field at fault. */
class AllocationShareRoutesTest extends ServerTest {

  private static AssociationApi fair;

  @BeforeAll
  static void fair() {
    fair = new AssociationApi(app, "salon-parts");
  }

  private static HttpResponse<Buffer> put(JsonArray shares, String language) {
    return send(TestApp.authorized(app.client().put(fair.base + "/allocation-shares")
        .putHeader("Accept-Language", language), fair.organiser), new JsonObject().put("shares", shares));
  }

  private static JsonObject share(String kind, String level, int percent) {
    return new JsonObject().put("kind", kind).put("level", level).put("percent", percent);
  }

  @Test
  void sharesAreSavedWholeAndReadBack() {
    JsonArray shares = new JsonArray().add(share("priority_education", null, 20)).add(share("level", "3e", 15));
    HttpResponse<Buffer> saved = put(shares, "en");
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    HttpResponse<Buffer> read = send(TestApp.authorized(app.client().get(fair.base + "/allocation-shares"),
        fair.organiser), null);
    assertEquals(new JsonObject().put("shares", shares), read.bodyAsJsonObject());
    assertEquals(200, put(new JsonArray().add(share("first_time", null, 10)), "en").statusCode());
    assertEquals(List.of("first_time"), send(TestApp.authorized(app.client().get(fair.base + "/allocation-shares"),
        fair.organiser), null).bodyAsJsonObject().getJsonArray("shares").stream()
        .map(s -> ((JsonObject) s).getString("kind")).toList());
  }

  @Test
  void sharesOverAHundredPercentARepeatedGroupAndAnUnknownLevelAreRefusedByField() {
    HttpResponse<Buffer> refused = put(new JsonArray().add(share("priority_education", null, 60))
        .add(share("priority_education", null, 30)).add(share("level", "CM2", 20)), "fr");
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    JsonArray details = refused.bodyAsJsonObject().getJsonArray("details");
    assertEquals(List.of("shares[1] SHARE_REPEATED", "shares[2].level UNKNOWN_LEVEL", "shares SHARES_OVER_100"),
        details.stream().map(d -> ((JsonObject) d).getString("field") + " " + ((JsonObject) d).getString("code"))
            .toList());
    assertEquals("doivent réserver au plus 100 % des places en tout (110 % demandés)",
        details.getJsonObject(2).getString("message"));
    HttpResponse<Buffer> english = put(new JsonArray().add(share("first_time", null, 0)), "en");
    assertEquals("shares[0].percent", english.bodyAsJsonObject().getJsonArray("details").getJsonObject(0)
        .getString("field"), english.bodyAsString());
  }
}
