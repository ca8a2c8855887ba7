package fr.parcours.fair;

import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.parcours.fair.FairClient.errorFields;
import static fr.parcours.fair.FairClient.fairBody;
import static fr.parcours.fair.FairClient.talk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input is a 4xx naming its field, never a 500. */
class FairValidationTest extends ServerTest {

  private static final AtomicInteger FAIRS = new AtomicInteger();
  private static String token;
  private static FairClient organiser;

  @BeforeAll
  static void prepare() {
    token = app.organiserToken("validation@fair.test");
    organiser = new FairClient(app.client(), token);
  }

  /** A fresh fair with a room, so that each test starts from the same ground. */
  private static String fair() {
    return organiser.fairWithRoom("salon-" + FAIRS.incrementAndGet());
  }

  private static void assertRefused(int status, List<String> fields, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals(fields, errorFields(response));
  }

  @Test
  void missingFairFieldsAreEachNamed() {
    assertRefused(400, List.of("slug", "name", "city", "time_zone", "days"),
        organiser.post("/api/fairs", new JsonObject()));
  }

  @Test
  void wrongTypesAreNamed() {
    assertRefused(400, List.of("name", "changeover_minutes"), organiser.post("/api/fairs",
        fairBody("salon-types", "Pau").put("name", 42).put("changeover_minutes", "ten")));
  }

  @Test
  void unknownTimeZoneIsRefused() {
    assertRefused(400, List.of("time_zone"), organiser.post("/api/fairs",
        fairBody("salon-zone", "Pau").put("time_zone", "Europe/Atlantis")));
  }

  @Test
  void badDaysAreNamedByPosition() {
    JsonArray days = new JsonArray()
        .add(new JsonObject().put("date", "2026-03-12").put("opens_at", "17:00").put("closes_at", "09:00"))
        .add(new JsonObject().put("date", "12/03/2026").put("opens_at", "09:00").put("closes_at", "17:00"));
    assertRefused(400, List.of("days[0].closes_at", "days[1].date"), organiser.post("/api/fairs",
        fairBody("salon-jours", "Pau").put("days", days)));
  }

  @Test
  void registrationMustCloseAfterItOpens() {
    assertRefused(400, List.of("registration_closes_at"), organiser.post("/api/fairs",
        fairBody("salon-inscriptions", "Pau").put("registration_closes_at", "2026-01-01T09:00:00+01:00")));
  }

  @Test
  void duplicateFairSlugIsAConflict() {
    organiser.create("/api/fairs", fairBody("salon-double", "Pau"));
    assertRefused(409, List.of("slug"), organiser.post("/api/fairs", fairBody("salon-double", "Pau")));
  }

  @Test
  void duplicateRoomSlugIsAConflict() {
    String base = fair();
    assertRefused(409, List.of("slug"), organiser.post(base + "/rooms", new JsonObject().put("slug", "amphi")
        .put("name", "Autre").put("venue", "hotel").put("kind", "workshop").put("capacity", 30)));
  }

  @Test
  void roomCapacityMustBePositiveAndVenueKnown() {
    String base = fair();
    assertRefused(400, List.of("kind", "capacity"), organiser.post(base + "/rooms", new JsonObject()
        .put("slug", "salle").put("name", "Salle").put("venue", "hotel").put("kind", "hall").put("capacity", 0)));
    assertRefused(422, List.of("venue"), organiser.post(base + "/rooms", new JsonObject()
        .put("slug", "salle").put("name", "Salle").put("venue", "nowhere").put("kind", "workshop").put("capacity", 30)));
  }

  @Test
  void overlappingStandSpotsAreRefused() {
    String base = fair();
    organiser.create(base + "/stand-spots", new JsonObject().put("number", "1").put("zone", "stands")
        .put("x", 0).put("y", 0).put("width", 3).put("depth", 2));
    assertRefused(409, List.of("x"), organiser.post(base + "/stand-spots", new JsonObject().put("number", "2")
        .put("zone", "stands").put("x", 2.5).put("y", 1).put("width", 3).put("depth", 2)));
  }

  @Test
  void standSpotsNeedAKnownZoneAndPositiveSize() {
    String base = fair();
    assertRefused(400, List.of("x", "width"), organiser.post(base + "/stand-spots", new JsonObject()
        .put("number", "1").put("zone", "stands").put("x", -1).put("y", 0).put("width", 0).put("depth", 2)));
    assertRefused(422, List.of("zone"), organiser.post(base + "/stand-spots", new JsonObject()
        .put("number", "1").put("zone", "cellar").put("x", 0).put("y", 0).put("width", 1).put("depth", 2)));
  }

  @Test
  void slotsMayNotOverlapNorLeaveOpeningHours() {
    String base = fair();
    organiser.create(base + "/slots", slot("09:00", "09:30"));
    assertRefused(409, List.of("starts_at"), organiser.post(base + "/slots", slot("09:15", "09:45")));
    assertRefused(422, List.of("starts_at"), organiser.post(base + "/slots", slot("17:20", "17:50")));
    assertRefused(422, List.of("day"), organiser.post(base + "/slots", new JsonObject().put("day", "2026-03-13")
        .put("from", "09:00").put("to", "12:00").put("duration_minutes", 30)));
    assertRefused(400, List.of("duration_minutes"), organiser.post(base + "/slots", new JsonObject()
        .put("day", "2026-03-12").put("from", "09:00").put("to", "12:00").put("duration_minutes", 0)));
  }

  @Test
  void sessionMustEndAfterItStarts() {
    assertRefused(422, List.of("ends_at"), organiser.post(fair() + "/sessions", talk("10:00", "09:30")));
  }

  @Test
  void sessionMustLieWithinOpeningHours() {
    assertRefused(422, List.of("starts_at"), organiser.post(fair() + "/sessions", talk("07:30", "08:00")));
  }

  @Test
  void sessionFieldsAreEachNamed() {
    assertRefused(400, List.of("title", "kind", "starts_at", "ends_at", "capacity"), organiser.post(
        fair() + "/sessions", new JsonObject().put("kind", "lecture").put("starts_at", "tomorrow")
            .put("capacity", -1)));
  }

  @Test
  void sessionReferencesMustExist() {
    assertRefused(422, List.of("track", "room"), organiser.post(fair() + "/sessions",
        talk("09:00", "09:30").put("track", "se-perdre").put("room", "cave")));
  }

  @Test
  void talkNeedsATrackAndOnePlace() {
    JsonObject body = talk("09:00", "09:30").put("zone", "stands");
    body.remove("track");
    assertRefused(422, List.of("track", "room"), organiser.post(fair() + "/sessions", body));
  }

  @Test
  void sessionCapacityMayNotExceedTheRoom() {
    assertRefused(422, List.of("capacity"), organiser.post(fair() + "/sessions",
        talk("09:00", "09:30").put("capacity", 121)));
  }

  @Test
  void roomIsNotDoubleBooked() {
    String base = fair();
    organiser.create(base + "/sessions", talk("09:00", "09:30"));
    assertRefused(409, List.of("starts_at", "room"), organiser.post(base + "/sessions", talk("09:20", "09:50")));
  }

  @Test
  void bookedPlacesAreKept() {
    String base = fair();
    long id = organiser.create(base + "/sessions", talk("09:00", "09:30")).getLong("id");
    TestApp.await(app.pool().preparedQuery("UPDATE sessions SET booked = 40 WHERE id = $1").execute(Tuple.of(id)));
    String session = base + "/sessions/" + id;
    assertRefused(409, List.of("capacity"), organiser.patch(session, new JsonObject().put("capacity", 30)));
    assertEquals(409, organiser.delete(session).statusCode());
    JsonObject cancelled = organiser.patch(session, new JsonObject().put("status", "cancelled")).bodyAsJsonObject();
    assertEquals("cancelled", cancelled.getString("status"));
    assertEquals(1, cancelled.getInteger("sequence"));
  }

  @Test
  void roomMayNotShrinkBelowItsSessions() {
    String base = fair();
    organiser.create(base + "/sessions", talk("09:00", "09:30").put("capacity", 100));
    HttpResponse<Buffer> refused = organiser.patch(base + "/rooms/amphi", new JsonObject().put("capacity", 80));
    assertRefused(409, List.of("capacity"), refused);
    assertEquals("ROOM_TOO_SMALL", refused.bodyAsJsonObject().getString("code"));
    assertEquals(200, organiser.patch(base + "/rooms/amphi", new JsonObject().put("capacity", 100)).statusCode());
  }

  @Test
  void zoneMayNotShrinkBelowItsSessions() {
    String base = fair();
    organiser.create(base + "/sessions", standTime("09:00", "10:00", 60));
    HttpResponse<Buffer> refused = organiser.patch(base + "/zones/stands", new JsonObject().put("capacity", 50));
    assertRefused(409, List.of("capacity"), refused);
    assertEquals("ZONE_TOO_SMALL", refused.bodyAsJsonObject().getString("code"));
  }

  @Test
  void sessionsAtTheSameTimeShareTheZoneCapacity() {
    String base = fair();
    organiser.patch(base + "/zones/stands", new JsonObject().put("capacity", 100));
    organiser.create(base + "/sessions", standTime("09:00", "10:00", 50));
    organiser.create(base + "/sessions", standTime("10:00", "11:00", 50));
    // Overlaps both, but never more than one of them at once: 100 people at most.
    organiser.create(base + "/sessions", standTime("09:00", "11:00", 50));
    HttpResponse<Buffer> refused = organiser.post(base + "/sessions", standTime("10:30", "11:00", 1));
    assertRefused(409, List.of("capacity"), refused);
    assertEquals("ZONE_FULL", refused.bodyAsJsonObject().getString("code"));
    organiser.create(base + "/sessions", standTime("10:30", "11:00", 1).put("status", "cancelled"));
    assertRefused(409, List.of("capacity"), organiser.patch(base + "/zones/stands", new JsonObject().put("capacity", 99)));
  }

  @Test
  void bookedSessionKeepsItsTrackAndActivity() {
    String base = fair();
    organiser.create(base + "/tracks", new JsonObject().put("slug", "se-connaitre").put("name", "Se connaître"));
    long id = organiser.create(base + "/sessions", talk("09:00", "09:30")).getLong("id");
    // Stands for classes that booked a route through this session.
    TestApp.await(app.pool().preparedQuery("UPDATE sessions SET booked = 40 WHERE id = $1").execute(Tuple.of(id)));
    String session = base + "/sessions/" + id;
    HttpResponse<Buffer> refused = organiser.patch(session, new JsonObject().put("track", "se-connaitre"));
    assertRefused(409, List.of("track"), refused);
    assertEquals("SESSION_HAS_BOOKINGS", refused.bodyAsJsonObject().getString("code"));
    assertRefused(409, List.of("activity"), organiser.patch(session, new JsonObject().put("activity", "autre-chose")));
    assertEquals(200, organiser.patch(session, talk("10:00", "10:30").put("capacity", 40)).statusCode());
  }

  @Test
  void notJsonIsA400() {
    HttpResponse<Buffer> response = TestApp.await(TestApp.authorized(app.client().post(fair() + "/tracks"),
        app.organiserToken("json@fair.test")).sendBuffer(Buffer.buffer("[1, 2")));
    assertEquals(403, response.statusCode());
    assertRefused(400, List.of("body"), organiser.post(fair() + "/tracks", null));
  }

  @Test
  void overLongTextsOnEveryResourceAreRefusedByName() {
    String base = fair();
    String tooLong = "x".repeat(2800);
    assertRefused(400, List.of("name", "city"), organiser.post("/api/fairs",
        fairBody("salon-long", "Pau").put("name", tooLong).put("city", tooLong)));
    assertRefused(400, List.of("name"), organiser.patch(base, new JsonObject().put("name", tooLong)));
    assertRefused(400, List.of("name", "address"), organiser.post(base + "/venues", new JsonObject()
        .put("slug", "v").put("name", tooLong).put("address", tooLong).put("city", "Pau")));
    assertRefused(400, List.of("slug", "name"), organiser.post(base + "/tracks", new JsonObject()
        .put("slug", "a".repeat(2800)).put("name", tooLong)));
    assertRefused(400, List.of("name"), organiser.post(base + "/rooms", new JsonObject().put("slug", "r")
        .put("name", tooLong).put("venue", "hotel").put("kind", "workshop").put("capacity", 30)));
    assertRefused(400, List.of("name"), organiser.patch(base + "/zones/stands", new JsonObject().put("name", tooLong)));
    assertRefused(400, List.of("name", "contact_email"), organiser.post(base + "/associations", new JsonObject()
        .put("slug", "asso").put("name", tooLong).put("contact_email", tooLong + "@example.org")));
    assertRefused(400, List.of("title", "description"), organiser.post(base + "/sessions",
        talk("09:00", "09:30").put("title", tooLong).put("description", "d".repeat(4001))));
  }

  @Test
  void aNulCharacterIsNamedNotStored() {
    assertRefused(400, List.of("name"), organiser.post(fair() + "/tracks", new JsonObject()
        .put("slug", "nul").put("name", "Se\u0000connaître")));
  }

  @Test
  void standSpotCoordinatesMustBeFiniteLengths() {
    String base = fair();
    HttpResponse<Buffer> response = TestApp.await(TestApp.authorized(app.client().post(base + "/stand-spots"),
        token).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(
            "{\"number\": \"1\", \"zone\": \"stands\", \"x\": 1e400, \"y\": 1e9, \"width\": 2, \"depth\": 2}")));
    assertRefused(400, List.of("x", "y"), response);
  }

  @Test
  void aHundredThousandChallengeSlotsAreRefusedAtOnce() {
    JsonArray slots = new JsonArray();
    for (int i = 0; i < 100_000; i++) {
      slots.add(new JsonObject());
    }
    long started = System.nanoTime();
    HttpResponse<Buffer> response = organiser.post(fair() + "/challenges",
        new JsonObject().put("title", "Défi").put("slots", slots));
    assertRefused(400, List.of("slots"), response);
    assertEquals("must hold at most 200 items", response.bodyAsJsonObject().getJsonArray("details")
        .getJsonObject(0).getString("message"));
    assertTrue(System.nanoTime() - started < 5_000_000_000L, "took over 5 s");
  }

  private static JsonObject standTime(String start, String end, int capacity) {
    return new JsonObject().put("title", "Village").put("kind", "stand_time").put("zone", "stands")
        .put("starts_at", "2026-03-12T" + start + ":00+01:00").put("ends_at", "2026-03-12T" + end + ":00+01:00")
        .put("capacity", capacity);
  }

  private static JsonObject slot(String start, String end) {
    return new JsonObject().put("starts_at", "2026-03-12T" + start + ":00+01:00")
        .put("ends_at", "2026-03-12T" + end + ":00+01:00");
  }
}
