package fr.parcours.checkin;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.booking.CheckInCode;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room staff mark classes present session by session: replays, refusals, and what the flows and the report make of it. */
class PresenceTest extends ServerTest {

  private static Fair fair;
  private static String staff;

  @BeforeAll
  static void fairWithRoomStaff() {
    fair = BookingFixtures.fair(app, "salles", 60);
    staff = app.organiserToken("salles-jour@team.test");
    assertEquals(201, send(TestApp.authorized(app.client().post("/api/fairs/salles/team"), fair.ownerToken()),
        new JsonObject().put("email", "salles-jour@team.test").put("role", "staff")).statusCode());
  }

  private static JsonObject book(String uai, String className, int pupils, int adults) {
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/salles/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request(uai, className, pupils, adults));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    return booked.bodyAsJsonObject();
  }

  private static String code(JsonObject booking) {
    return booking.getJsonObject("check_in").getString("code");
  }

  private static List<Long> route(JsonObject booking) {
    return await(app.pool().preparedQuery("SELECT session_id FROM held_places WHERE booking_id = $1 ORDER BY session_id")
        .execute(Tuple.of(booking.getLong("id")))).stream().map(row -> row.getLong(0)).toList();
  }

  private static Future<HttpResponse<Buffer>> markAsync(long session, String key, String code, int pupils, int adults) {
    return TestApp.authorized(app.client().post("/api/fairs/salles/sessions/" + session + "/presences"), staff)
        .putHeader("Idempotency-Key", key)
        .sendJsonObject(new JsonObject().put("code", code).put("pupils", pupils).put("adults", adults));
  }

  private static HttpResponse<Buffer> mark(long session, String key, String code, int pupils, int adults) {
    return await(markAsync(session, key, code, pupils, adults));
  }

  private static long marks(JsonObject booking) {
    return await(app.pool().preparedQuery("SELECT count(*) FROM session_presences WHERE booking_id = $1")
        .execute(Tuple.of(booking.getLong("id")))).iterator().next().getLong(0);
  }

  @Test
  void aMarkReplayedFromTwoPhonesAtOnceCountsOnce() {
    JsonObject booking = book("0330600A", "3e Deux Salles", 24, 2);
    long session = route(booking).get(0);
    String key = UUID.randomUUID().toString();
    List<HttpResponse<Buffer>> both = await(Future.all(markAsync(session, key, code(booking), 22, 2),
        markAsync(session, key, code(booking), 22, 2))).list();
    both.forEach(answer -> assertEquals(201, answer.statusCode(), answer.bodyAsString()));
    assertEquals(List.of("false", "true"), both.stream().map(a -> a.getHeader("Idempotent-Replayed")).sorted().toList());
    assertEquals(22, both.get(0).bodyAsJsonObject().getInteger("pupils_marked"));
    assertEquals(1, marks(booking));
    // Two phones of the same room each marking the class with its own key: one row, the last headcount.
    List<HttpResponse<Buffer>> twoKeys = await(Future.all(markAsync(session, UUID.randomUUID().toString(), code(booking), 23, 2),
        markAsync(session, UUID.randomUUID().toString(), code(booking), 23, 2))).list();
    twoKeys.forEach(answer -> assertEquals(201, answer.statusCode(), answer.bodyAsString()));
    assertEquals(1, marks(booking));
    assertEquals(422, mark(session, key, code(booking), 21, 2).statusCode(), "same key, another body");
    assertEquals(422, mark(route(booking).get(1), key, code(booking), 22, 2).statusCode(), "same key, another session");
  }

  @Test
  void refusalsSayWhyAndUndoForgetsTheMark() {
    JsonObject booking = book("0330601B", "3e Refus Salle", 20, 2);
    List<Long> own = route(booking);
    long elsewhere = await(app.pool().preparedQuery("SELECT id FROM sessions WHERE fair_id = $1 AND room_id IS NOT NULL "
        + "AND NOT (id = ANY($2)) LIMIT 1").execute(Tuple.tuple().addLong(fair.id()).addArrayOfLong(own.toArray(Long[]::new)))).iterator().next().getLong(0);
    HttpResponse<Buffer> wrongRoom = mark(elsewhere, UUID.randomUUID().toString(), code(booking), 20, 2);
    assertEquals(409, wrongRoom.statusCode(), wrongRoom.bodyAsString());
    assertEquals("PRESENCE_NOT_IN_SESSION", wrongRoom.bodyAsJsonObject().getString("code"));
    HttpResponse<Buffer> tooMany = mark(own.get(0), UUID.randomUUID().toString(), code(booking), 21, 2);
    assertEquals(422, tooMany.statusCode());
    assertEquals("pupils", tooMany.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    assertEquals(404, mark(own.get(0), UUID.randomUUID().toString(), CheckInCode.of(999_999), 20, 2).statusCode(),
        "no such class");
    assertEquals(404, mark(999_999, UUID.randomUUID().toString(), code(booking), 20, 2).statusCode(), "no such session");

    assertEquals(201, mark(own.get(0), UUID.randomUUID().toString(), code(booking), 20, 2).statusCode());
    assertEquals(204, unmark(own.get(0), code(booking)).statusCode());
    assertEquals(0, marks(booking));
    assertEquals(404, unmark(own.get(0), code(booking)).statusCode());
  }

  @Test
  void marksCountInTheFlowsAndInTheReportPerSession() {
    Fair report = BookingFixtures.fair(app, "salles-bilan", 60);
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/salles-bilan/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request("0330700A", "3e Bilan", 26, 2));
    JsonObject booking = booked.bodyAsJsonObject();
    List<Long> own = route(booking);
    HttpResponse<Buffer> checked = send(TestApp.authorized(app.client().post("/api/fairs/salles-bilan/check-ins"),
        report.ownerToken()).putHeader("Idempotency-Key", UUID.randomUUID().toString()),
        new JsonObject().put("code", code(booking)).put("pupils", 24).put("adults", 2));
    assertEquals(201, checked.statusCode());
    HttpResponse<Buffer> marked = send(TestApp.authorized(app.client().post("/api/fairs/salles-bilan/sessions/" + own.get(1)
        + "/presences"), report.ownerToken()).putHeader("Idempotency-Key", UUID.randomUUID().toString()),
        new JsonObject().put("code", code(booking)).put("pupils", 20).put("adults", 2));
    assertEquals(201, marked.statusCode(), marked.bodyAsString());

    JsonArray flows = send(TestApp.authorized(app.client().get("/api/fairs/salles-bilan/flows"), report.ownerToken()), null)
        .bodyAsJsonObject().getJsonArray("sessions");
    for (Object o : flows) {
      JsonObject t = (JsonObject) o;
      int expected = t.getLong("session").equals(own.get(1)) ? 22 : 26;
      assertEquals(expected, t.getInteger("present"), "marked in the room, else checked in: " + t.encode());
    }
    JsonObject sheet = send(TestApp.authorized(app.client().get("/api/fairs/salles-bilan/sessions/" + own.get(1)
        + "/presences"), report.ownerToken()), null).bodyAsJsonObject();
    assertEquals(20, sheet.getJsonArray("classes").getJsonObject(0).getInteger("pupils_marked"));

    JsonArray bySession = send(TestApp.authorized(app.client().get("/api/fairs/salles-bilan/attendance"),
        report.ownerToken()), null).bodyAsJsonObject().getJsonArray("by_session");
    JsonObject markedSession = bySession.stream().map(JsonObject.class::cast)
        .filter(s -> s.getLong("session").equals(own.get(1))).findFirst().orElseThrow();
    assertEquals(new JsonObject().put("booked", 28).put("marked", 22), markedSession.getJsonObject("people"));
    assertEquals(new JsonObject().put("booked", 1).put("marked", 1), markedSession.getJsonObject("classes"));
    JsonObject unmarked = bySession.stream().map(JsonObject.class::cast)
        .filter(s -> s.getLong("session").equals(own.get(0))).findFirst().orElseThrow();
    assertEquals(0, unmarked.getJsonObject("people").getInteger("marked"));
    assertEquals(await(app.pool().preparedQuery("SELECT sum(pupils + adults) FROM session_presences WHERE fair_id = $1")
        .execute(Tuple.of(report.id()))).iterator().next().getLong(0).intValue(),
        bySession.stream().mapToInt(s -> ((JsonObject) s).getJsonObject("people").getInteger("marked")).sum());
    assertFalse(bySession.isEmpty());
    assertTrue(bySession.size() >= own.size());
  }

  private static HttpResponse<Buffer> unmark(long session, String code) {
    return send(TestApp.authorized(app.client().delete("/api/fairs/salles/sessions/" + session + "/presences/" + code),
        staff), null);
  }
}
