package fr.parcours.fair;

import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.fair.FairClient.fairBody;
import static fr.parcours.fair.FairClient.talk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairApiTest extends ServerTest {

  private static FairClient anonymous;

  @BeforeAll
  static void prepare() {
    anonymous = new FairClient(app.client(), null);
  }

  private static FairClient organiser(String email) {
    return new FairClient(app.client(), app.organiserToken(email));
  }

  @Test
  void organiserBuildsAFairAndThePublicReadsItsProgramme() {
    FairClient claire = organiser("claire@fair.test");
    String base = claire.fairWithRoom("salon-bordeaux");
    claire.create(base + "/stand-spots", new JsonObject().put("number", "1").put("zone", "stands")
        .put("x", 0).put("y", 0).put("width", 3).put("depth", 2));
    claire.create(base + "/stand-spots", new JsonObject().put("number", "2").put("zone", "stands")
        .put("x", 3).put("y", 0).put("width", 3).put("depth", 2.5));
    HttpResponse<Buffer> grid = claire.post(base + "/slots", new JsonObject().put("day", "2026-03-12")
        .put("from", "09:00").put("to", "12:00").put("duration_minutes", 30).put("changeover_minutes", 10));
    assertEquals(201, grid.statusCode(), grid.bodyAsString());
    assertEquals(4, grid.bodyAsJsonArray().size());
    claire.create(base + "/associations", new JsonObject().put("slug", "ingenieures").put("name", "Elles ingénieures")
        .put("track", "s-orienter").put("website", "https://example.org"));
    JsonObject session = claire.create(base + "/sessions", talk("09:00", "09:30").put("association", "ingenieures"));
    assertEquals("les-metiers-du-numerique", session.getString("activity"));
    assertEquals(120, session.getInteger("capacity"));
    claire.create(base + "/sessions", new JsonObject().put("title", "Stands").put("kind", "stand_time")
        .put("zone", "stands").put("capacity", 200)
        .put("starts_at", "2026-03-12T10:20:00+01:00").put("ends_at", "2026-03-12T12:00:00+01:00"));

    assertEquals(404, anonymous.get(base).statusCode());
    assertEquals(200, claire.patch(base, new JsonObject().put("status", "published")).statusCode());

    JsonObject programme = anonymous.get(base).bodyAsJsonObject();
    assertEquals("Europe/Paris", programme.getString("time_zone"));
    assertEquals("2026-03-12", programme.getJsonArray("days").getJsonObject(0).getString("date"));
    assertEquals("2026-01-05T09:00:00+01:00", programme.getString("registration_opens_at"));
    assertEquals(1, programme.getJsonArray("venues").size());
    assertEquals(2, programme.getJsonArray("stand_spots").size());
    assertEquals(2.5, programme.getJsonArray("stand_spots").getJsonObject(1).getDouble("depth"));
    assertEquals("2026-03-12T09:40:00+01:00", programme.getJsonArray("slots").getJsonObject(1).getString("starts_at"));
    JsonObject first = programme.getJsonArray("sessions").getJsonObject(0);
    assertEquals("2026-03-12T09:00:00+01:00", first.getString("starts_at"));
    assertEquals("2026-03-12T09:30:00+01:00", first.getString("ends_at"));
    assertEquals("amphi", first.getString("room"));
    assertEquals("s-orienter", first.getString("track"));
    assertEquals("ingenieures", first.getString("association"));
    assertEquals("scheduled", first.getString("status"));
    assertEquals("stands", programme.getJsonArray("sessions").getJsonObject(1).getString("zone"));

    JsonObject listed = publicFair("salon-bordeaux");
    assertFalse(listed.getBoolean("registration_open"));
    assertEquals("Bordeaux", listed.getString("city"));
  }

  @Test
  void editsAndDeletesSubResources() {
    FairClient paul = organiser("paul@fair.test");
    String base = paul.fairWithRoom("salon-edits");
    HttpResponse<Buffer> renamed = paul.patch(base + "/rooms/amphi", new JsonObject().put("name", "Grand amphi"));
    assertEquals(200, renamed.statusCode(), renamed.bodyAsString());
    assertEquals("hotel", renamed.bodyAsJsonObject().getString("venue"));
    long id = paul.create(base + "/sessions", talk("09:00", "09:30")).getLong("id");
    JsonObject moved = paul.patch(base + "/sessions/" + id, talk("10:00", "10:30")).bodyAsJsonObject();
    assertEquals("2026-03-12T10:00:00+01:00", moved.getString("starts_at"));
    assertEquals(1, moved.getInteger("sequence"));
    assertEquals(204, paul.delete(base + "/sessions/" + id).statusCode());
    assertEquals(404, paul.delete(base + "/sessions/" + id).statusCode());
    assertEquals(404, paul.patch(base + "/sessions/nope", new JsonObject()).statusCode());
  }

  @Test
  void ownerSeesTheirDraftOthersGet404() {
    FairClient lea = organiser("lea@fair.test");
    lea.create("/api/fairs", fairBody("salon-brouillon", "Pau"));
    assertEquals(200, lea.get("/api/fairs/salon-brouillon").statusCode());
    assertEquals(404, anonymous.get("/api/fairs/salon-brouillon").statusCode());
    assertEquals(404, organiser("other@fair.test").get("/api/fairs/salon-brouillon").statusCode());
    assertTrue(anonymous.get("/api/fairs").bodyAsJsonArray().stream()
        .noneMatch(fair -> ((JsonObject) fair).getString("slug").equals("salon-brouillon")));
  }

  @Test
  void writesNeedTheOwningOrganiser() {
    FairClient owner = organiser("owner@fair.test");
    owner.create("/api/fairs", fairBody("salon-prive", "Agen"));
    FairClient intruder = organiser("intruder@fair.test");
    assertEquals(401, anonymous.post("/api/fairs", fairBody("salon-anonyme", "Agen")).statusCode());
    assertEquals(401, anonymous.patch("/api/fairs/salon-prive", new JsonObject().put("name", "x")).statusCode());
    assertEquals(401, anonymous.delete("/api/fairs/salon-prive/venues/x").statusCode());
    assertEquals(403, intruder.patch("/api/fairs/salon-prive", new JsonObject().put("name", "x")).statusCode());
    assertEquals(403, intruder.post("/api/fairs/salon-prive/tracks",
        new JsonObject().put("slug", "t").put("name", "T")).statusCode());
    assertEquals(404, intruder.post("/api/fairs/salon-inconnu/tracks",
        new JsonObject().put("slug", "t").put("name", "T")).statusCode());
  }

  @Test
  void twoFairsInTwoCitiesSideBySide() {
    FairClient organiser = organiser("network@fair.test");
    for (String city : List.of("Poitiers", "Limoges")) {
      String base = organiser.fairWithRoom("salon-" + city.toLowerCase());
      organiser.create(base + "/sessions", talk("09:00", "09:30"));
      organiser.patch(base, new JsonObject().put("status", "published"));
    }
    JsonObject poitiers = publicFair("salon-poitiers");
    JsonObject limoges = publicFair("salon-limoges");
    assertEquals("Bordeaux", poitiers.getString("city"));
    assertEquals(1, anonymous.get("/api/fairs/salon-limoges").bodyAsJsonObject().getJsonArray("sessions").size());
    assertEquals(1, anonymous.get("/api/fairs/salon-poitiers").bodyAsJsonObject().getJsonArray("rooms").size());
    assertEquals(limoges.getJsonArray("days"), poitiers.getJsonArray("days"));
  }

  @Test
  void registrationIsOpenWithinTheWindow() {
    FairClient organiser = organiser("window@fair.test");
    organiser.create("/api/fairs", fairBody("salon-ouvert", "Dax").put("status", "published")
        .put("registration_opens_at", "2020-01-01T00:00:00Z").put("registration_closes_at", "2100-01-01T00:00:00Z"));
    assertTrue(publicFair("salon-ouvert").getBoolean("registration_open"));
  }

  private static JsonObject publicFair(String slug) {
    JsonArray fairs = anonymous.get("/api/fairs").bodyAsJsonArray();
    return fairs.stream().map(JsonObject.class::cast).filter(fair -> fair.getString("slug").equals(slug))
        .findFirst().orElseThrow();
  }
}
