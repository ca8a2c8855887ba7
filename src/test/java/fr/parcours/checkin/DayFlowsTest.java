package fr.parcours.checkin;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The day on the dashboard from actual numbers: a partial arrival counted in its route's
 * sessions, no-shows at a cut-off, and their places released to the waiting list in order.
 */
class DayFlowsTest extends ServerTest {

  /** Rooms of 28 and a window of three showings: three classes of 28 fill the fair. */
  private static JsonObject book(String slug, String uai, String className, int pupils, int adults, int status) {
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/" + slug + "/bookings")
            .putHeader("Idempotency-Key", UUID.randomUUID().toString()),
        BookingFixtures.request(uai, className, pupils, adults).put("departure", "10:50"));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    assertEquals(status == 0 ? "confirmed" : "waitlisted", booked.bodyAsJsonObject().getString("status"));
    return booked.bodyAsJsonObject();
  }

  private static void checkIn(Fair fair, JsonObject booking, int pupils, int adults) {
    HttpResponse<Buffer> checked = send(TestApp.authorized(app.client().post("/api/fairs/" + fair.slug() + "/check-ins"),
        fair.ownerToken()).putHeader("Idempotency-Key", UUID.randomUUID().toString()),
        new JsonObject().put("code", code(booking)).put("pupils", pupils).put("adults", adults));
    assertEquals(201, checked.statusCode(), checked.bodyAsString());
  }

  private static String code(JsonObject booking) {
    return booking.getJsonObject("check_in").getString("code");
  }

  private static Map<Long, JsonObject> flows(Fair fair) {
    HttpResponse<Buffer> flows = send(TestApp.authorized(app.client().get("/api/fairs/" + fair.slug() + "/flows"),
        fair.ownerToken()), null);
    assertEquals(200, flows.statusCode(), flows.bodyAsString());
    Map<Long, JsonObject> bySession = new HashMap<>();
    flows.bodyAsJsonObject().getJsonArray("sessions").forEach(s -> bySession.put(((JsonObject) s).getLong("session"),
        (JsonObject) s));
    return bySession;
  }

  private static List<Long> route(long bookingId) {
    return await(app.pool().preparedQuery("SELECT session_id FROM held_places WHERE booking_id = $1 ORDER BY session_id")
        .execute(Tuple.of(bookingId))).stream().map(row -> row.getLong(0)).toList();
  }

  @Test
  void aClassCheckedInWith24Of26PupilsCounts24InEverySessionOfItsRoute() {
    Fair fair = BookingFixtures.fair(app, "flux-partiel", 28);
    JsonObject partial = book("flux-partiel", "0330300A", "3e Partielle", 26, 2, 0);
    JsonObject notYet = book("flux-partiel", "0330301B", "3e Pas Encore", 20, 2, 0);
    checkIn(fair, partial, 24, 2);
    Map<Long, JsonObject> flows = flows(fair);
    for (long session : route(partial.getLong("id"))) {
      JsonObject t = flows.get(session);
      assertEquals(28, t.getInteger("booked"), t.encode());
      assertEquals(26, t.getInteger("present"), "24 pupils and 2 adults came: " + t.encode());
      assertEquals(26, t.getInteger("expected"), t.encode());
      assertEquals(1, t.getInteger("classes_present"));
    }
    for (long session : route(notYet.getLong("id"))) {
      JsonObject t = flows.get(session);
      assertEquals(0, t.getInteger("present"), t.encode());
      assertEquals(22, t.getInteger("expected"), "a class not yet here is expected whole: " + t.encode());
    }
    // The dashboard writes the same figures per room, for the slot under way and the next ones.
    String session = signIn("flux-partiel@organiser.test");
    HttpResponse<Buffer> page = await(app.client().get("/admin/fairs/flux-partiel").putHeader("Cookie", session).send());
    assertEquals(200, page.statusCode(), page.bodyAsString());
    assertTrue(page.bodyAsString().contains("data-present=\"26\" data-expected=\"26\" data-booked=\"28\""),
        page.bodyAsString());
    assertTrue(page.bodyAsString().contains("id=\"day-pupils\">24</strong>"), "24 pupils came in all");
  }

  @Test
  void noShowsAtTheCutOffGiveTheirPlacesToTheWaitingListInOrder() {
    Fair fair = BookingFixtures.fair(app, "flux-absents", 28);
    JsonObject came = book("flux-absents", "0330400A", "3e Venue", 26, 2, 0);
    JsonObject absent = book("flux-absents", "0330401B", "3e Absente", 26, 2, 0);
    JsonObject alsoCame = book("flux-absents", "0330402C", "3e Aussi", 26, 2, 0);
    JsonObject firstWaiting = book("flux-absents", "0330403D", "3e Attend", 20, 2, 1);
    JsonObject secondWaiting = book("flux-absents", "0330404E", "3e Attend Aussi", 20, 2, 1);
    checkIn(fair, came, 26, 2);
    checkIn(fair, alsoCame, 25, 2);

    HttpResponse<Buffer> listed = send(TestApp.authorized(app.client()
        .get("/api/fairs/flux-absents/no-shows?day=" + BookingFixtures.DAY + "&cutoff=09:30"), fair.ownerToken()), null);
    assertEquals(200, listed.statusCode(), listed.bodyAsString());
    JsonArray missing = listed.bodyAsJsonObject().getJsonArray("classes");
    assertEquals(1, missing.size(), missing.encode());
    assertEquals(code(absent), missing.getJsonObject(0).getString("code"));
    assertEquals(0, send(TestApp.authorized(app.client().get("/api/fairs/flux-absents/no-shows?cutoff=09:00"),
        fair.ownerToken()), null).bodyAsJsonObject().getJsonArray("classes").size(), "nobody is late before 09:00");
    HttpResponse<Buffer> badCutoff = send(TestApp.authorized(app.client().get("/api/fairs/flux-absents/no-shows?cutoff=9h"),
        fair.ownerToken()), null);
    assertEquals(400, badCutoff.statusCode());
    assertEquals("cutoff", badCutoff.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));

    HttpResponse<Buffer> released = send(TestApp.authorized(app.client().post("/api/fairs/flux-absents/no-shows/release"),
        fair.ownerToken()), new JsonObject().put("day", BookingFixtures.DAY.toString()).put("cutoff", "09:30"));
    assertEquals(200, released.statusCode(), released.bodyAsString());
    assertEquals(new JsonArray().add(code(absent)), released.bodyAsJsonObject().getJsonArray("released"));
    assertEquals(new JsonArray().add(firstWaiting.getLong("id")), released.bodyAsJsonObject().getJsonArray("promoted"));

    assertEquals("cancelled", status(absent));
    assertEquals("confirmed", status(firstWaiting), "the first waiting class takes the freed route");
    assertEquals("waitlisted", status(secondWaiting), "one route freed, one class promoted");
    assertEquals(List.of(), route(absent.getLong("id")));
    assertEquals(3, route(firstWaiting.getLong("id")).size());
    Row held = await(app.pool().preparedQuery("SELECT count(*) FILTER (WHERE s.booked > s.capacity) AS over, "
        + "count(*) FILTER (WHERE s.booked <> coalesce((SELECT sum(people) FROM held_places h WHERE h.session_id = s.id), 0)) "
        + "AS off FROM sessions s WHERE s.fair_id = $1").execute(Tuple.of(fair.id()))).iterator().next();
    assertEquals(0L, held.getLong("over"), "no session over its capacity");
    assertEquals(0L, held.getLong("off"), "every session's count is the places held in it");
    HttpResponse<Buffer> again = send(TestApp.authorized(app.client().post("/api/fairs/flux-absents/no-shows/release"),
        fair.ownerToken()), new JsonObject().put("day", BookingFixtures.DAY.toString()).put("cutoff", "09:30"));
    // The promoted class is due at 09:00 too and not here either: a second release lets it go in
    // turn, never the first no-show twice.
    assertEquals(new JsonArray().add(code(firstWaiting)), again.bodyAsJsonObject().getJsonArray("released"));
    assertEquals("confirmed", status(secondWaiting));

    HttpResponse<Buffer> late = send(TestApp.authorized(app.client().post("/api/fairs/flux-absents/check-ins"),
        fair.ownerToken()).putHeader("Idempotency-Key", UUID.randomUUID().toString()),
        new JsonObject().put("code", code(absent)).put("pupils", 20).put("adults", 2));
    assertEquals(409, late.statusCode(), "a released class that turns up after all is told its booking was cancelled");
  }

  @Test
  void staffSeeTheNoShowsButOnlyEditorsReleaseThem() {
    Fair fair = BookingFixtures.fair(app, "flux-equipe", 28);
    book("flux-equipe", "0330500A", "3e Équipe", 20, 2, 0);
    String staff = app.organiserToken("flux-benevole@team.test");
    assertEquals(201, send(TestApp.authorized(app.client().post("/api/fairs/flux-equipe/team"), fair.ownerToken()),
        new JsonObject().put("email", "flux-benevole@team.test").put("role", "staff")).statusCode());
    assertEquals(200, send(TestApp.authorized(app.client().get("/api/fairs/flux-equipe/no-shows?cutoff=10:00"), staff),
        null).statusCode());
    assertEquals(403, send(TestApp.authorized(app.client().post("/api/fairs/flux-equipe/no-shows/release"), staff),
        new JsonObject().put("cutoff", "10:00")).statusCode());
    assertEquals("confirmed", await(app.pool().preparedQuery("SELECT status FROM bookings WHERE fair_id = $1")
        .execute(Tuple.of(fair.id()))).iterator().next().getString(0));
  }

  private static String status(JsonObject booking) {
    return await(app.pool().preparedQuery("SELECT status FROM bookings WHERE id = $1")
        .execute(Tuple.of(booking.getLong("id")))).iterator().next().getString(0);
  }

  /** The cookie of an organiser signed in through the sign-in form ("name=value"). */
  static String signIn(String email) {
    HttpResponse<Buffer> signedIn = PageForms.post(app, "/admin/login", MultiMap.caseInsensitiveMultiMap()
        .add("email", email).add("password", TestApp.ORGANISER_PASSWORD));
    String cookie = signedIn.cookies().stream().filter(c -> c.startsWith("parcours_admin=")).findFirst().orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }
}
