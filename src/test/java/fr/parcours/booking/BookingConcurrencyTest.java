package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 500 bookings fired at once at a track with room for a few dozen, some retried with their
 * key, some cancelled as soon as they are answered; then the database must show capacities
 * kept, whole routes, one booking per key, the waiting list in order and nobody left waiting
 * who would now fit. Once on one server, once split over two servers sharing the database.
 */
@ExtendWith(VertxExtension.class)
class BookingConcurrencyTest {

  private static final int REQUESTS = 500;
  private static final int RETRIES_ON_503 = 10;
  private static final long RETRY_PAUSE_MS = 500;
  private static final String[][] WINDOWS = {{"09:00", "10:50"}, {"09:40", "11:30"}, {"09:00", "12:30"}, {"10:20", "12:10"}};

  @Test
  void aRushOnOneServerKeepsEveryRule(Vertx vertx) {
    try (TestApp app = TestApp.start(vertx)) {
      Fair fair = BookingFixtures.fair(app, "rush", 60);
      rush(vertx, fair, List.of(app));
      verify(app, fair);
    }
  }

  @Test
  void aRushSplitOverTwoServersKeepsEveryRule(Vertx vertx) {
    try (TestApp first = TestApp.start(vertx);
         TestApp second = TestApp.start(vertx, first.config().dbUrl(), new JsonObject())) {
      Fair fair = BookingFixtures.fair(first, "rush-two", 60);
      rush(vertx, fair, List.of(first, second));
      verify(first, fair);
    }
  }

  /**
   * One burst over two tracks of a fair, a few requests naming a track it does not have: those
   * are refused on their own, and each track's bookings keep its places, its routes and its
   * waiting list in request order.
   */
  @Test
  void aBurstOverTwoTracksAndAnUnknownOneKeepsEachTracksRules(Vertx vertx) {
    try (TestApp app = TestApp.start(vertx)) {
      Fair fair = BookingFixtures.fair(app, "two-tracks", 60);
      BookingFixtures.addTrack(app, fair, "decouvrir", 40);
      Map<String, Integer> statuses = new ConcurrentHashMap<>();
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String track = i % 25 == 0 ? "inconnu" : i % 2 == 0 ? "decouvrir" : BookingFixtures.TRACK;
        calls.add(post(vertx, app, fair, "two-" + i, body(i).put("track", track)).map(response -> {
          String outcome = track.equals("inconnu") ? response.statusCode() + " " + response.bodyAsJsonObject()
              .getString("code") : response.statusCode() + " " + track;
          return statuses.merge(outcome, 1, Integer::sum);
        }));
      }
      await(Future.all(calls).timeout(55, java.util.concurrent.TimeUnit.SECONDS));

      assertEquals(Map.of("422 UNKNOWN_TRACK", 12, "201 decouvrir", 144, "201 " + BookingFixtures.TRACK, 144), statuses);
      assertEquals(288, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1", fair));
      assertEquals(0, count(app, "SELECT count(*) FROM sessions WHERE fair_id = $1 AND booked > capacity", fair));
      assertEquals(0, count(app, "SELECT count(*) FROM sessions s WHERE s.fair_id = $1 AND s.booked <> (SELECT "
          + "coalesce(sum(bs.people), 0) FROM held_places bs WHERE bs.session_id = s.id)", fair));
      assertEquals(0, count(app, "SELECT count(*) FROM held_places bs JOIN sessions s ON s.id = bs.session_id "
          + "JOIN bookings b ON b.id = bs.booking_id WHERE b.fair_id = $1 AND s.track_id <> b.track_id", fair),
          "a route is of its booking's track");
      assertEquals(0, count(app, "SELECT count(*) FROM (SELECT row_number() OVER (PARTITION BY "
          + "track_id ORDER BY waitlist_seq) AS by_seq, row_number() OVER (PARTITION BY track_id ORDER BY id) AS by_id "
          + "FROM bookings WHERE fair_id = $1 AND status = 'waitlisted') q WHERE by_seq <> by_id", fair),
          "each track's waiting list is in request order");
      for (String track : List.of("decouvrir", BookingFixtures.TRACK)) {
        assertTrue(BookingFixtures.single(app, "SELECT count(*) FROM bookings b JOIN tracks t ON t.id = b.track_id "
            + "WHERE b.fair_id = $1 AND t.slug = $2 AND b.status = 'waitlisted'", Tuple.of(fair.id(), track)) > 20, track);
      }
    }
  }

  /** Sends every request at once; each tenth twice (to another server), each ninth cancelled once answered. */
  private static void rush(Vertx vertx, Fair fair, List<TestApp> apps) {
    Map<String, Long> idsByKey = new ConcurrentHashMap<>();
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      BookingApi api = new BookingApi(apps.get(i % apps.size()));
      String key = "rush-" + i;
      JsonObject body = body(i);
      boolean cancel = i % 9 == 0;
      calls.add(post(vertx, apps.get(i % apps.size()), fair, key, body).compose(response -> {
        check(response, idsByKey, key);
        return cancel ? cancel(vertx, api, response.bodyAsJsonObject(), RETRIES_ON_503).map(cancelled -> {
          assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());
          return cancelled;
        }) : Future.succeededFuture();
      }));
      if (i % 10 == 0) {
        calls.add(post(vertx, apps.get((i + 1) % apps.size()), fair, key, body)
            .map(response -> check(response, idsByKey, key)));
      }
    }
    await(Future.all(calls).timeout(55, java.util.concurrent.TimeUnit.SECONDS));
  }

  /**
   * Books as a teacher's browser does: a 503 (the pool full for a moment on a loaded machine) is
   * sent again with the same key after a pause, which README promises is safe.
   */
  private static Future<HttpResponse<Buffer>> post(Vertx vertx, TestApp app, Fair fair, String key, JsonObject body) {
    return post(vertx, app, fair, key, body, RETRIES_ON_503);
  }

  private static Future<HttpResponse<Buffer>> post(Vertx vertx, TestApp app, Fair fair, String key, JsonObject body,
                                                   int retries) {
    return app.client().post("/api/fairs/" + fair.slug() + "/bookings").putHeader("Idempotency-Key", key)
        .sendJsonObject(body)
        .compose(response -> response.statusCode() != 503 || retries == 0 ? Future.succeededFuture(response)
            : pause(vertx, response).compose(paused -> post(vertx, app, fair, key, body, retries - 1)));
  }

  /** Cancels as a browser does, again after a 503: cancelling twice changes nothing. */
  private static Future<HttpResponse<Buffer>> cancel(Vertx vertx, BookingApi api, JsonObject booking, int retries) {
    return api.cancelAsync(booking).compose(response -> response.statusCode() != 503 || retries == 0
        ? Future.succeededFuture(response)
        : pause(vertx, response).compose(paused -> cancel(vertx, api, booking, retries - 1)));
  }

  /** As long as the 503's Retry-After asks, as a browser would wait: a loaded machine may need seconds. */
  private static Future<Void> pause(Vertx vertx, HttpResponse<Buffer> busy) {
    String asked = busy.getHeader("Retry-After");
    long ms = asked == null ? RETRY_PAUSE_MS : Math.max(RETRY_PAUSE_MS, Long.parseLong(asked.trim()) * 1000);
    Promise<Void> paused = Promise.promise();
    vertx.setTimer(ms, timer -> paused.complete());
    return paused.future();
  }

  private static Object check(HttpResponse<Buffer> response, Map<String, Long> idsByKey, String key) {
    assertEquals(201, response.statusCode(), response.bodyAsString());
    long id = response.bodyAsJsonObject().getLong("id");
    assertEquals(id, idsByKey.computeIfAbsent(key, k -> id), "one booking per key");
    return id;
  }

  private static JsonObject body(int i) {
    String[] window = WINDOWS[i % WINDOWS.length];
    int pupils = 5 + (i * 7) % 24;
    // The fair's default supervision: one adult per 15 pupils, sometimes one more.
    JsonObject body = BookingFixtures.request("0330023A", "c-" + i, pupils, (pupils + 14) / 15 + i % 2);
    body.getJsonObject("school").put("uai", String.format("%07dA", i % 40));
    return body.put("arrival", window[0]).put("departure", window[1]);
  }

  private static void verify(TestApp app, Fair fair) {
    assertEquals(0, count(app, "SELECT count(*) FROM sessions WHERE fair_id = $1 AND booked > capacity", fair));
    assertEquals(0, count(app, "SELECT count(*) FROM sessions s WHERE s.fair_id = $1 AND s.booked <> (SELECT "
        + "coalesce(sum(bs.people), 0) FROM held_places bs JOIN bookings b ON b.id = bs.booking_id "
        + "WHERE bs.session_id = s.id AND b.status = 'confirmed')", fair));
    assertEquals(0, count(app, "SELECT count(*) FROM held_places bs JOIN bookings b ON b.id = bs.booking_id "
        + "WHERE b.fair_id = $1 AND b.status <> 'confirmed'", fair), "only confirmed bookings hold places");
    assertEquals(REQUESTS, count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1", fair), "one booking per key");
    assertEquals(REQUESTS, count(app, "SELECT count(DISTINCT booking_id) FROM booking_requests WHERE fair_id = $1", fair));
    assertEquals(0, count(app, "SELECT count(*) FROM (SELECT id, row_number() OVER (ORDER BY waitlist_seq) AS by_seq, "
        + "row_number() OVER (ORDER BY id) AS by_id FROM bookings WHERE fair_id = $1 AND status = 'waitlisted') q "
        + "WHERE by_seq <> by_id", fair), "the waiting list is in request order");
    // How many fit depends on the order the requests land in (first come, first served: 12 to 19
    // here, fewer on a loaded machine); that none of those waiting fits is checked below.
    assertTrue(count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1 AND status = 'confirmed'", fair) > 0);
    assertTrue(count(app, "SELECT count(*) FROM bookings WHERE fair_id = $1 AND status = 'waitlisted'", fair) > 100);
    assertWholeRoutes(app, fair);
    assertNobodyWaitingWouldFit(app, fair);
    assertEquals(0, count(app, "SELECT count(*) FROM bookings b WHERE b.fair_id = $1 AND b.status = 'confirmed' "
        + "AND b.waitlist_seq IS NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient = b.teacher_email "
        + "AND o.kind IN ('booking_confirmed', 'booking_promoted'))", fair), "every confirmed teacher is told");
  }

  /** Each confirmed booking: one session per activity, pairwise 10 minutes apart, inside its window. */
  private static void assertWholeRoutes(TestApp app, Fair fair) {
    assertEquals(0, count(app, "SELECT count(*) FROM bookings b WHERE b.fair_id = $1 AND b.status = 'confirmed' AND "
        + "(SELECT count(DISTINCT s.activity) FROM held_places bs JOIN sessions s ON s.id = bs.session_id "
        + "WHERE bs.booking_id = b.id) <> 3", fair));
    assertEquals(0, count(app, "SELECT count(*) FROM held_places x JOIN sessions sx ON sx.id = x.session_id "
        + "JOIN held_places y ON y.booking_id = x.booking_id AND y.session_id > x.session_id "
        + "JOIN sessions sy ON sy.id = y.session_id JOIN bookings b ON b.id = x.booking_id WHERE b.fair_id = $1 "
        + "AND sx.starts_at < sy.ends_at + interval '10 minutes' AND sy.starts_at < sx.ends_at + interval '10 minutes'",
        fair), "no two sessions of a route overlap or break the changeover");
    assertEquals(0, count(app, "SELECT count(*) FROM held_places bs JOIN sessions s ON s.id = bs.session_id "
        + "JOIN bookings b ON b.id = bs.booking_id WHERE b.fair_id = $1 AND (s.starts_at < (b.day + b.arrival) "
        + "AT TIME ZONE 'Europe/Paris' OR s.ends_at > (b.day + b.departure) AT TIME ZONE 'Europe/Paris')", fair));
  }

  /** After every cancellation the waiting list moved: none of those still waiting fits now. */
  private static void assertNobodyWaitingWouldFit(TestApp app, Fair fair) {
    Timetable timetable = await(new BookingRepository().timetable(app.pool(), fair.trackId()));
    List<Row> waiting = new ArrayList<>();
    await(app.pool().preparedQuery("SELECT day, arrival, departure, pupils + adults AS people FROM bookings "
        + "WHERE fair_id = $1 AND status = 'waitlisted'").execute(Tuple.of(fair.id()))).forEach(waiting::add);
    ZoneId paris = ZoneId.of("Europe/Paris");
    for (Row row : waiting) {
      Need need = new Need(row.getLocalDate("day").atTime(row.getLocalTime("arrival")).atZone(paris).toOffsetDateTime(),
          row.getLocalDate("day").atTime(row.getLocalTime("departure")).atZone(paris).toOffsetDateTime(),
          row.getInteger("people"), 10);
      assertTrue(RouteFinder.find(timetable, need).isEmpty(), "a waiting class that fits was left behind");
    }
  }

  private static long count(TestApp app, String sql, Fair fair) {
    return BookingFixtures.single(app, sql, Tuple.of(fair.id()));
  }
}
