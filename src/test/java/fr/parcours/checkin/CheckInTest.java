package fr.parcours.checkin;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.booking.BookingFixtures.Fair;
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

/** The entrance on the day: partial arrivals, corrections, undo, replays, and the report from the data. */
class CheckInTest extends ServerTest {

  private static Fair fair;
  private static String staff;

  @BeforeAll
  static void fairWithTeam() {
    fair = BookingFixtures.fair(app, "accueil", 60);
    staff = app.organiserToken("accueil-jour@team.test");
    HttpResponse<Buffer> added = send(TestApp.authorized(app.client().post("/api/fairs/accueil/team"), fair.ownerToken()),
        new JsonObject().put("email", "accueil-jour@team.test").put("role", "staff"));
    assertEquals(201, added.statusCode(), added.bodyAsString());
  }

  private static JsonObject book(String uai, String className, int pupils, int adults) {
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/accueil/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request(uai, className, pupils, adults));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    return booked.bodyAsJsonObject();
  }

  private static String code(JsonObject booking) {
    return booking.getJsonObject("check_in").getString("code");
  }

  private static HttpResponse<Buffer> checkIn(String key, String code, int pupils, int adults) {
    return await(checkInAsync(key, code, pupils, adults));
  }

  private static Future<HttpResponse<Buffer>> checkInAsync(String key, String code, int pupils, int adults) {
    return TestApp.authorized(app.client().post("/api/fairs/accueil/check-ins"), staff).putHeader("Idempotency-Key", key)
        .sendJsonObject(new JsonObject().put("code", code).put("pupils", pupils).put("adults", adults));
  }

  private static JsonObject shown(JsonObject booking) {
    String url = booking.getString("manage_url");
    return send(app.client().get("/api/bookings/" + url.substring(url.lastIndexOf('/') + 1)), null).bodyAsJsonObject();
  }

  @Test
  void aClassComesInWithTheHeadcountThatCameAndItsBookingSaysSo() {
    JsonObject booking = book("0330100A", "3e Partielle", 26, 2);
    HttpResponse<Buffer> checked = checkIn(UUID.randomUUID().toString(), code(booking).toLowerCase().replace("-", " "), 24, 2);
    assertEquals(201, checked.statusCode(), checked.bodyAsString());
    assertEquals(24, checked.bodyAsJsonObject().getInteger("pupils_present"));
    assertEquals(26, checked.bodyAsJsonObject().getInteger("pupils"));
    JsonObject came = shown(booking).getJsonObject("check_in");
    assertEquals(code(booking), came.getString("code"));
    assertEquals(24, came.getInteger("pupils_present"));
    assertEquals(2, came.getInteger("adults_present"));
    assertTrue(came.getString("checked_in_at").endsWith("+01:00"), came.encode());

    HttpResponse<Buffer> corrected = checkIn(UUID.randomUUID().toString(), code(booking), 25, 2);
    assertEquals(201, corrected.statusCode());
    assertEquals(came.getString("checked_in_at"), corrected.bodyAsJsonObject().getString("checked_in_at"), "first arrival kept");
    assertEquals(25, shown(booking).getJsonObject("check_in").getInteger("pupils_present"));
  }

  @Test
  void aCheckInReplayedFromTwoPhonesAtOnceCountsOnce() {
    JsonObject booking = book("0330101B", "3e Deux Téléphones", 20, 2);
    String key = UUID.randomUUID().toString();
    List<HttpResponse<Buffer>> both = await(Future.all(checkInAsync(key, code(booking), 20, 2),
        checkInAsync(key, code(booking), 20, 2))).list();
    both.forEach(answer -> assertEquals(201, answer.statusCode(), answer.bodyAsString()));
    assertEquals(List.of("false", "true"), both.stream().map(a -> a.getHeader("Idempotent-Replayed")).sorted().toList());
    assertEquals(1L, count("SELECT count(*) FROM check_ins WHERE booking_id = $1", booking.getLong("id")));
    assertEquals(422, checkIn(key, code(booking), 19, 2).statusCode(), "same key, another body");
  }

  @Test
  void undoingForgetsTheArrivalAndASecondUndoFindsNothing() {
    JsonObject booking = book("0330102C", "3e Erreur", 20, 2);
    assertEquals(201, checkIn(UUID.randomUUID().toString(), code(booking), 20, 2).statusCode());
    assertEquals(204, undo("accueil", code(booking)).statusCode());
    assertFalse(shown(booking).getJsonObject("check_in").containsKey("checked_in_at"));
    assertEquals(404, undo("accueil", code(booking)).statusCode());
  }

  @Test
  void refusalsNameTheFieldAndSayWhy() {
    JsonObject booking = book("0330103D", "3e Refus", 20, 2);
    HttpResponse<Buffer> tooMany = checkIn(UUID.randomUUID().toString(), code(booking), 21, 2);
    assertEquals(422, tooMany.statusCode());
    assertEquals("pupils", tooMany.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    HttpResponse<Buffer> typo = checkIn(UUID.randomUUID().toString(), "ABCD-EFGH", 20, 2);
    assertEquals(400, typo.statusCode());
    assertEquals("code", typo.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    HttpResponse<Buffer> missing = checkIn(UUID.randomUUID().toString(), code(booking), 0, 2);
    assertEquals(400, missing.statusCode());

    send(app.client().delete(api(booking)), null);
    HttpResponse<Buffer> cancelled = checkIn(UUID.randomUUID().toString(), code(booking), 20, 2);
    assertEquals(409, cancelled.statusCode(), cancelled.bodyAsString());
    assertEquals("CHECK_IN_NOT_CONFIRMED", cancelled.bodyAsJsonObject().getString("code"));
  }

  @Test
  void aCodeOfAnotherFairIsUnknownHereAndStrangersAreRefused() {
    Fair other = BookingFixtures.fair(app, "accueil-ailleurs", 60);
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/accueil-ailleurs/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request("0330104E", "3e Ailleurs", 20, 2));
    String elsewhere = code(booked.bodyAsJsonObject());
    assertEquals(404, checkIn(UUID.randomUUID().toString(), elsewhere, 20, 2).statusCode());
    assertEquals(404, undo("accueil", elsewhere).statusCode());
    HttpResponse<Buffer> stranger = send(TestApp.authorized(app.client().post("/api/fairs/accueil-ailleurs/check-ins"), staff)
        .putHeader("Idempotency-Key", "k"), new JsonObject().put("code", elsewhere).put("pupils", 20).put("adults", 2));
    assertEquals(403, stranger.statusCode());
    assertEquals(401, send(app.client().get("/api/fairs/" + other.slug() + "/attendance"), null).statusCode());
  }

  @Test
  void theReportAddsUpWhatTheDatabaseHolds() {
    Fair report = BookingFixtures.fair(app, "accueil-bilan", 60);
    JsonObject a = bookIn("accueil-bilan", "0330200A", "3e A", 20, 2);
    JsonObject b = bookIn("accueil-bilan", "0330200A", "3e B", 10, 1);
    bookIn("accueil-bilan", "0330201B", "3e C", 15, 1);
    checkInAt(report, a, 18, 2);
    checkInAt(report, b, 10, 1);
    JsonObject figures = send(TestApp.authorized(app.client().get("/api/fairs/accueil-bilan/attendance"),
        report.ownerToken()), null).bodyAsJsonObject();
    assertEquals(new JsonObject().put("booked", 3).put("present", 2), figures.getJsonObject("classes"));
    assertEquals(new JsonObject().put("booked", 45).put("present", 28), figures.getJsonObject("pupils"));
    assertEquals(new JsonObject().put("booked", 4).put("present", 3), figures.getJsonObject("adults"));
    assertEquals(new JsonObject().put("booked", 2).put("present", 1), figures.getJsonObject("schools"));
    assertEquals(0.333, figures.getDouble("no_show_rate"));
    assertEquals(count("SELECT coalesce(sum(ci.pupils), 0) FROM check_ins ci WHERE ci.fair_id = $1", report.id()),
        figures.getJsonObject("pupils").getInteger("present").longValue());
    JsonArray byLevel = figures.getJsonArray("by_level");
    assertEquals("3e", byLevel.getJsonObject(0).getString("name"));
    String csv = send(TestApp.authorized(app.client().get("/api/fairs/accueil-bilan/attendance.csv"), report.ownerToken())
        .putHeader("Accept-Language", "fr"), null).bodyAsString();
    assertTrue(csv.contains("regroupement;nom;classes_inscrites"), csv);
    assertTrue(csv.contains("total;Teen's Up accueil-bilan;3;2;45;28;4;3;1;0,333"), csv);
  }

  private static JsonObject bookIn(String slug, String uai, String className, int pupils, int adults) {
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/" + slug + "/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request(uai, className, pupils, adults));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    return booked.bodyAsJsonObject();
  }

  private static void checkInAt(Fair at, JsonObject booking, int pupils, int adults) {
    HttpResponse<Buffer> checked = send(TestApp.authorized(app.client().post("/api/fairs/" + at.slug() + "/check-ins"),
        at.ownerToken()).putHeader("Idempotency-Key", UUID.randomUUID().toString()),
        new JsonObject().put("code", code(booking)).put("pupils", pupils).put("adults", adults));
    assertEquals(201, checked.statusCode(), checked.bodyAsString());
  }

  private static HttpResponse<Buffer> undo(String slug, String code) {
    return send(TestApp.authorized(app.client().delete("/api/fairs/" + slug + "/check-ins/" + code), staff), null);
  }

  private static String api(JsonObject booking) {
    String url = booking.getString("manage_url");
    return "/api/bookings/" + url.substring(url.lastIndexOf('/') + 1);
  }

  private static long count(String sql, long id) {
    return await(app.pool().preparedQuery(sql).execute(Tuple.of(id))).iterator().next().getLong(0);
  }
}
