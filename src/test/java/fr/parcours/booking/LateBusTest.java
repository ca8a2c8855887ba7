package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A late bus told from the manage link after registration closed: re-routed, cut short, or too late. */
class LateBusTest extends ServerTest {

  private static String token(JsonObject booking) {
    String url = booking.getString("manage_url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static HttpResponse<Buffer> late(JsonObject booking, String arrival) {
    return send(app.client().post("/api/bookings/" + token(booking) + "/late").putHeader("Accept-Language", "fr"),
        new JsonObject().put("arrival", arrival));
  }

  private static List<String> starts(JsonObject booking) {
    return await(app.pool().preparedQuery("SELECT to_char(s.starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') FROM held_places hp "
        + "JOIN sessions s ON s.id = hp.session_id WHERE hp.booking_id = $1 ORDER BY s.starts_at")
        .execute(Tuple.of(booking.getLong("id")))).stream().map(row -> row.getString(0)).toList();
  }

  private static int feedSequence(JsonObject booking) {
    String feed = send(app.client().get(booking.getString("calendar_url").replaceFirst("^https?://[^/]+", "")), null)
        .bodyAsString();
    return feed.lines().filter(line -> line.startsWith("SEQUENCE:")).mapToInt(line -> Integer.parseInt(line.substring(9).trim()))
        .max().orElseThrow(() -> new AssertionError(feed));
  }

  @Test
  void aLateBusIsReRoutedFromItsNewTimeAfterRegistrationClosedAndItsCalendarMovesOn() {
    Fair fair = BookingFixtures.fair(app, "retard", 60);
    HttpResponse<Buffer> booked = send(app.client().post("/api/fairs/retard/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request("0330900A", "3e Retard", 24, 2));
    JsonObject booking = booked.bodyAsJsonObject();
    assertEquals(List.of("09:00", "09:40", "10:20"), starts(booking));
    int before = feedSequence(booking);
    BookingFixtures.closeRegistration(app, fair);
    assertEquals(409, send(app.client().patch("/api/bookings/" + token(booking)), new JsonObject().put("arrival", "10:10"))
        .statusCode(), "the change flow stays closed");

    HttpResponse<Buffer> rerouted = late(booking, "10:10");
    assertEquals(200, rerouted.statusCode(), rerouted.bodyAsString());
    assertEquals(List.of("10:20", "11:00", "11:40"), starts(booking), "a whole route from 10:10");
    assertTrue(rerouted.bodyAsJsonObject().getJsonObject("late").getBoolean("complete"));
    assertEquals("10:10", rerouted.bodyAsJsonObject().getString("arrival"));
    // The feed cache drops the old feed when the change's notification comes round, a moment later.
    assertTrue(Poll.until(Duration.ofSeconds(5), () -> feedSequence(booking), sequence -> sequence > before) > before,
        "the class's calendar SEQUENCE goes up (its 09:00 and 09:40 events are cancelled)");
    Row recorded = await(app.pool().preparedQuery("SELECT previous_arrival::text, arrival::text, complete FROM late_arrivals "
        + "WHERE booking_id = $1").execute(Tuple.of(booking.getLong("id")))).iterator().next();
    assertEquals("09:00:00", recorded.getString(0));
    assertEquals("10:10:00", recorded.getString(1));

    HttpResponse<Buffer> shortened = late(booking, "11:00");
    assertEquals(200, shortened.statusCode(), shortened.bodyAsString());
    JsonObject cut = shortened.bodyAsJsonObject().getJsonObject("late");
    assertFalse(cut.getBoolean("complete"), cut.encode());
    assertEquals(1, cut.getJsonArray("missed").size(), "the 10:20 session is missed, the others kept");
    assertEquals(List.of("11:00", "11:40"), starts(booking));
    assertEquals(0L, await(app.pool().preparedQuery("SELECT count(*) FROM sessions WHERE fair_id = $1 AND booked <> "
        + "coalesce((SELECT sum(people) FROM held_places h WHERE h.session_id = sessions.id), 0)")
        .execute(Tuple.of(fair.id()))).iterator().next().getLong(0), "the missed session's places are given back");
  }

  @Test
  void aBusTooLateForAnythingIsToldSoInFrenchAndNothingChanges() {
    Fair fair = BookingFixtures.fair(app, "retard-tard", 60);
    JsonObject booking = send(app.client().post("/api/fairs/retard-tard/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request("0330901B", "3e Trop Tard", 24, 2))
        .bodyAsJsonObject();
    BookingFixtures.closeRegistration(app, fair);
    HttpResponse<Buffer> tooLate = late(booking, "12:10");
    assertEquals(409, tooLate.statusCode(), tooLate.bodyAsString());
    assertEquals("LATE_BUS_TOO_LATE", tooLate.bodyAsJsonObject().getString("code"));
    String said = tooLate.bodyAsJsonObject().getString("message");
    assertTrue(said.contains("Arrivée à 12 h 10") && said.contains("trop tard") && said.contains("Rien n'a changé"), said);
    assertEquals(List.of("09:00", "09:40", "10:20"), starts(booking), "the route is kept");

    HttpResponse<Buffer> earlier = late(booking, "08:30");
    assertEquals(422, earlier.statusCode());
    assertEquals("arrival", earlier.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
    HttpResponse<Buffer> noTime = late(booking, "dix heures");
    assertEquals(400, noTime.statusCode());
    assertEquals(404, send(app.client().post("/api/bookings/no-such-token/late"), new JsonObject().put("arrival", "10:10"))
        .statusCode());
  }

  @Test
  void theManagePageTakesTheLateBusToo() {
    Fair fair = BookingFixtures.fair(app, "retard-page", 60);
    JsonObject booking = send(app.client().post("/api/fairs/retard-page/bookings")
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), BookingFixtures.request("0330902C", "3e Page", 24, 2))
        .bodyAsJsonObject();
    BookingFixtures.closeRegistration(app, fair);
    String page = "/manage/" + token(booking);
    assertTrue(send(app.client().get(page), null).bodyAsString().contains("Votre car est en retard ?"));

    HttpResponse<Buffer> told = lateForm(page, "10:10");
    assertEquals(303, told.statusCode(), told.bodyAsString());
    assertEquals(page + "?done=late_announced", told.getHeader("Location"));
    assertEquals(List.of("10:20", "11:00", "11:40"), starts(booking));

    HttpResponse<Buffer> tooLate = lateForm(page, "12:10");
    assertEquals(409, tooLate.statusCode());
    assertTrue(tooLate.bodyAsString().contains("trop tard"), "said on the page, in French");
    assertEquals(List.of("10:20", "11:00", "11:40"), starts(booking), "nothing changed");
  }

  /** The manage page's late-bus form as a browser posts it (CSRF cookie and field). */
  private static HttpResponse<Buffer> lateForm(String page, String arrival) {
    return await(app.client().post(page).putHeader("Cookie", "csrf=abc").followRedirects(false)
        .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("csrf", "abc").add("action", "late")
            .add("late_arrival", arrival)));
  }
}
