package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.booking.BookingFixtures.request;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookingRoutesTest extends BookingTestServer {


  @Test
  void aBookingGetsAWholeRouteInTheFairsTime() {
    Fair fair = BookingFixtures.fair(app, "happy", 60);
    HttpResponse<Buffer> created = api.book(fair.slug(), request("0330023A", "3e B", 25, 2));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject booking = created.bodyAsJsonObject();
    assertEquals("confirmed", booking.getString("status"));
    assertFalse(booking.containsKey("waitlist_position"));
    String token = booking.getString("manage_url").substring(app.config().publicUrl().length() + BookingLinks.MANAGE.length());
    assertTrue(token.length() >= 22, "at least 128 random bits");
    // The class's feed has a token of its own: whoever holds the feed cannot manage the class.
    String feed = booking.getString("calendar_url");
    assertTrue(feed.matches(java.util.regex.Pattern.quote(app.config().publicUrl()) + "/calendars/bookings/[\\w-]{22,}\\.ics"), feed);
    assertFalse(feed.contains(token), feed);
    JsonArray route = booking.getJsonArray("route");
    assertEquals(3, route.size());
    assertEquals("2027-01-14T09:00:00+01:00", route.getJsonObject(0).getString("starts_at"));
    assertEquals("2027-01-14T09:40:00+01:00", route.getJsonObject(1).getString("starts_at"));
    assertEquals("2027-01-14T10:50:00+01:00", route.getJsonObject(2).getString("ends_at"));
    assertEquals(3, route.stream().map(step -> ((JsonObject) step).getString("title")).distinct().count());
    assertEquals(booking, api.show(booking).bodyAsJsonObject());
  }

  @Test
  void aFullTrackPutsTheClassOnTheWaitingListInOrder() {
    Fair fair = BookingFixtures.fair(app, "full", 30);
    for (int i = 0; i < 3; i++) {
      assertEquals("confirmed", api.book(fair.slug(), shortWindow(request("0330023A", "3e " + i, 25, 2)))
          .bodyAsJsonObject().getString("status"));
    }
    JsonObject fourth = api.book(fair.slug(), shortWindow(request("0330023A", "3e D", 25, 2))).bodyAsJsonObject();
    JsonObject fifth = api.book(fair.slug(), shortWindow(request("0330023A", "3e E", 25, 2))).bodyAsJsonObject();
    assertEquals("waitlisted", fourth.getString("status"));
    assertEquals(1, fourth.getInteger("waitlist_position"));
    assertEquals(2, fifth.getInteger("waitlist_position"));
    assertTrue(fifth.getJsonArray("route").isEmpty());

    JsonObject availability = send(app.client().get("/api/fairs/full/availability"), null).bodyAsJsonObject();
    JsonObject track = availability.getJsonArray("tracks").getJsonObject(0);
    assertEquals(2, track.getInteger("waitlist"));
    assertEquals(2 * 30 + 3 * 3, track.getInteger("left"), "two empty showings per activity, 3 seats in three");
    JsonObject first = availability.getJsonArray("sessions").getJsonObject(0);
    assertEquals(27, first.getInteger("booked"));
    assertEquals(3, first.getInteger("left"));
    assertEquals("2027-01-14T09:00:00+01:00", first.getString("starts_at"));
  }

  @Test
  void closedRegistrationTooShortWindowAndUnknownTrackAreRefusedWithTheirReason() {
    Fair fair = BookingFixtures.fair(app, "refusals", 60);
    JsonObject tooShort = request("0330023A", "3e B", 25, 2).put("departure", "10:00");
    assertError(api.book(fair.slug(), tooShort), 422, "WINDOW_TOO_SHORT", "departure");
    assertError(api.book(fair.slug(), request("0330023A", "3e B", 70, 5)), 422, "CLASS_TOO_LARGE", "pupils");
    assertError(api.book(fair.slug(), request("0330023A", "3e B", 25, 2).put("track", "s-engager")),
        422, "UNKNOWN_TRACK", "track");
    BookingFixtures.exec(app, "INSERT INTO tracks (fair_id, slug, name) VALUES ($1, 'se-connaitre', 'Se connaître')",
        io.vertx.sqlclient.Tuple.of(fair.id()));
    assertError(api.book(fair.slug(), request("0330023A", "3e B", 25, 2).put("track", "se-connaitre")),
        409, "TRACK_NOT_PLANNED", "track");
    BookingFixtures.closeRegistration(app, fair);
    HttpResponse<Buffer> closed = api.book(fair.slug(), request("0330023A", "3e B", 25, 2));
    assertEquals(409, closed.statusCode());
    assertEquals("REGISTRATION_CLOSED", closed.bodyAsJsonObject().getString("code"));
    assertEquals(404, api.book("no-such-fair", request("0330023A", "3e B", 25, 2)).statusCode());
  }

  @Test
  void aMultiDayFairNeedsTheDay() {
    Fair fair = BookingFixtures.fair(app, "two-days", 60);
    BookingFixtures.addDay(app, fair, BookingFixtures.DAY.plusDays(1));
    assertError(api.book(fair.slug(), request("0330023A", "3e B", 25, 2)), 400, "VALIDATION_FAILED", "day");
    assertEquals(201, api.book(fair.slug(), request("0330023A", "3e B", 25, 2).put("day", "2027-01-14")).statusCode());
  }

  @Test
  void schoolCapsAndTheAdultRatioAreEnforced() {
    Fair fair = BookingFixtures.fair(app, "rules", 60);
    JsonObject rules = new JsonObject().put("pupils_per_adult", 15).put("max_classes_per_school", 1);
    HttpResponse<Buffer> saved = send(TestApp.authorized(app.client().put("/api/fairs/rules/booking-rules"),
        fair.ownerToken()), rules);
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals(15, send(TestApp.authorized(app.client().get("/api/fairs/rules/booking-rules"), fair.ownerToken()), null)
        .bodyAsJsonObject().getInteger("pupils_per_adult"));

    HttpResponse<Buffer> fewAdults = api.book(fair.slug(), request("0330023A", "3e B", 31, 1));
    assertError(fewAdults, 422, "TOO_FEW_ADULTS", "adults");
    assertTrue(fewAdults.bodyAsJsonObject().getString("error").startsWith("2 accompanying adults missing"));

    assertEquals(201, api.book(fair.slug(), request("0330023A", "3e B", 28, 2)).statusCode());
    assertError(api.book(fair.slug(), request("0330023A", "3e C", 20, 2)), 409, "SCHOOL_CAP_REACHED", "class");
    assertEquals(201, api.book(fair.slug(), request("0331234X", "3e C", 20, 2)).statusCode());
  }

  /**
   * Changed straight in the database, as another instance would change them: the fair, track
   * and rules a track's last booking found are what the next one is sent on, never what it
   * is decided on.
   */
  @Test
  void whatChangedSinceTheTracksLastBookingIsWhatTheNextFollows() {
    Fair fair = BookingFixtures.fair(app, "changed", 60);
    assertEquals(201, api.book(fair.slug(), request("0330023A", "3e A", 20, 2)).statusCode());
    BookingFixtures.exec(app, "INSERT INTO booking_rules (fair_id, max_classes_per_school) VALUES ($1, 1)",
        io.vertx.sqlclient.Tuple.of(fair.id()));
    assertError(api.book(fair.slug(), request("0330023A", "3e B", 20, 2)), 409, "SCHOOL_CAP_REACHED", "class");

    BookingFixtures.exec(app, "UPDATE tracks SET slug = 's-orienter-2' WHERE id = $1",
        io.vertx.sqlclient.Tuple.of(fair.trackId()));
    assertError(api.book(fair.slug(), request("0331234X", "3e C", 20, 2)), 422, "UNKNOWN_TRACK", "track");
    assertEquals(201, api.book(fair.slug(), request("0331234X", "3e C", 20, 2).put("track", "s-orienter-2")).statusCode());

    BookingFixtures.exec(app, "UPDATE fairs SET status = 'draft' WHERE id = $1", io.vertx.sqlclient.Tuple.of(fair.id()));
    assertEquals(404, api.book(fair.slug(), request("0331235Y", "3e D", 20, 2).put("track", "s-orienter-2")).statusCode());
  }

  @Test
  void aFairAsksOneAdultPer15PupilsAndOneOfItsLevelsUnlessItsOrganiserSaysOtherwise() {
    Fair fair = BookingFixtures.fair(app, "defaults", 60);
    String path = "/api/fairs/" + fair.slug() + "/booking-rules";
    JsonObject defaults = send(TestApp.authorized(app.client().get(path), fair.ownerToken()), null).bodyAsJsonObject();
    assertEquals(15, defaults.getInteger("pupils_per_adult"));
    assertEquals(new JsonArray(List.of("4e", "3e", "2nde", "1re", "Terminale")), defaults.getJsonArray("levels"));
    assertError(api.book(fair.slug(), request("0330023A", "3e B", 26, 0)), 422, "TOO_FEW_ADULTS", "adults");
    JsonObject cm2 = request("0330023A", "CM2 A", 26, 2);
    cm2.getJsonObject("class").put("level", "CM2");
    assertError(api.book(fair.slug(), cm2), 422, "UNKNOWN_LEVEL", "class.level");

    JsonObject rules = new JsonObject().put("pupils_per_adult", (Object) null).put("levels", new JsonArray(List.of("CM2", "6e")));
    assertEquals(200, send(TestApp.authorized(app.client().put(path), fair.ownerToken()), rules).statusCode());
    assertEquals(201, api.book(fair.slug(), cm2).statusCode(), "the organiser lifted the ratio and receives CM2");
    assertEquals(201, api.book(fair.slug(), request("0330024B", "3e B", 10, 0).put("class",
        new JsonObject().put("name", "6e A").put("level", "6e"))).statusCode());
  }

  @Test
  void aRetriedKeyReturnsTheSameBookingAndAnotherBodyIsRefused() {
    Fair fair = BookingFixtures.fair(app, "retries", 60);
    JsonObject body = request("0330023A", "3e B", 25, 2);
    JsonObject first = api.book(fair.slug(), "key-1", body).bodyAsJsonObject();
    HttpResponse<Buffer> again = api.book(fair.slug(), "key-1", body.copy());
    assertEquals(201, again.statusCode(), "a retry gets the first answer again");
    assertEquals("true", again.getHeader("Idempotent-Replayed"));
    assertEquals(first, again.bodyAsJsonObject());
    assertError(api.book(fair.slug(), "key-1", body.copy().put("pupils", 26)), 422, "IDEMPOTENCY_KEY_REUSED",
        "Idempotency-Key");
    HttpResponse<Buffer> noKey = send(app.client().post("/api/fairs/retries/bookings"), body);
    assertError(noKey, 400, "VALIDATION_FAILED", "Idempotency-Key");
    assertEquals(1, BookingFixtures.single(app, "SELECT count(*) FROM bookings WHERE fair_id = $1",
        io.vertx.sqlclient.Tuple.of(fair.id())));
  }

  @Test
  void invalidBodiesNameEveryBadField() {
    BookingFixtures.fair(app, "invalid", 60);
    JsonObject body = request("33-bad", "3e B", 25, 2).put("pupils", "twenty").put("departure", "08:00");
    body.remove("arrival");
    body.getJsonObject("teacher").remove("email");
    HttpResponse<Buffer> refused = api.book("invalid", body);
    assertEquals(400, refused.statusCode());
    List<String> fields = refused.bodyAsJsonObject().getJsonArray("details").stream()
        .map(d -> ((JsonObject) d).getString("field")).toList();
    assertEquals(List.of("school.uai", "teacher.email", "pupils", "arrival"), fields);
    JsonObject upsideDown = request("0330023A", "3e B", 25, 2).put("departure", "08:00");
    assertError(api.book("invalid", upsideDown), 400, "VALIDATION_FAILED", "departure");
    assertEquals(404, send(app.client().get("/api/bookings/unknown-token"), null).statusCode());
    assertEquals(404, send(app.client().delete("/api/bookings/unknown-token"), null).statusCode());
  }

  @Test
  void organiserListsAndRulesNeedTheOwner() {
    Fair fair = BookingFixtures.fair(app, "owned", 60);
    String stranger = app.organiserToken("stranger@organiser.test");
    for (String path : List.of("/api/fairs/owned/bookings", "/api/fairs/owned/bookings.csv",
        "/api/fairs/owned/booking-rules")) {
      assertEquals(401, send(app.client().get(path), null).statusCode(), path);
      assertEquals(403, send(TestApp.authorized(app.client().get(path), stranger), null).statusCode(), path);
      assertEquals(200, send(TestApp.authorized(app.client().get(path), fair.ownerToken()), null).statusCode(), path);
    }
    assertEquals(403, send(TestApp.authorized(app.client().put("/api/fairs/owned/booking-rules"), stranger),
        new JsonObject()).statusCode());
  }

  @Test
  void listsFilterByStatusTrackAndSchool() {
    Fair fair = BookingFixtures.fair(app, "lists", 30);
    for (int i = 0; i < 4; i++) {
      api.book(fair.slug(), shortWindow(request(i % 2 == 0 ? "0330023A" : "0331234X", "3e " + i, 25, 2)));
    }
    assertEquals(3, list("/api/fairs/lists/bookings?status=confirmed", fair).size());
    assertEquals(1, list("/api/fairs/lists/bookings?status=waitlisted&track=s-orienter", fair).size());
    assertEquals(2, list("/api/fairs/lists/bookings?school=0331234x", fair).size());
    assertEquals(0, list("/api/fairs/lists/bookings?track=s-engager", fair).size());
  }

  private static JsonArray list(String path, Fair fair) {
    return send(TestApp.authorized(app.client().get(path), fair.ownerToken()), null)
        .bodyAsJsonObject().getJsonArray("bookings");
  }

  /** 09:00–10:50: room for exactly three showings of each activity, so three routes at most. */
  static JsonObject shortWindow(JsonObject body) {
    return body.put("departure", "10:50");
  }

  static void assertError(HttpResponse<Buffer> response, int status, String code, String field) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals(code, body.getString("code"));
    assertTrue(body.getJsonArray("details").stream().anyMatch(d -> field.equals(((JsonObject) d).getString("field"))),
        body.encode());
  }
}
