package fr.parcours.booking;

import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics counts bookings by outcome, times them, and carries HTTP, pool and feed cache metrics. */
@ExtendWith(VertxExtension.class)
class BookingMetricsTest {

  @Test
  void metricsCountBookingsByOutcome(Vertx vertx) {
    try (TestApp app = TestApp.start(vertx)) {
      BookingFixtures.Fair fair = BookingFixtures.fair(app, "salon-metrics", 100);
      BookingApi api = new BookingApi(app);
      JsonObject request = BookingFixtures.request("0330001A", "3e A", 25, 2);
      assertEquals(201, api.book(fair.slug(), "key-1", request).statusCode());
      assertEquals(201, api.book(fair.slug(), "key-1", request).statusCode());
      assertEquals(422, api.book(fair.slug(), request.copy().put("track", "nowhere")).statusCode());
      assertEquals(200, send(app.client().get("/calendars/fairs/" + fair.slug() + ".ics"), null).statusCode());
      assertEquals(200, send(app.client().get("/calendars/fairs/" + fair.slug() + ".ics"), null).statusCode());

      var scraped = send(app.client().get("/metrics"), null);
      assertEquals(200, scraped.statusCode());
      assertTrue(scraped.getHeader("Content-Type").startsWith("text/plain"), scraped.getHeader("Content-Type"));
      String metrics = scraped.bodyAsString();
      assertTrue(metrics.contains("parcours_bookings_total{outcome=\"confirmed\"} 1.0"), metrics);
      assertTrue(metrics.contains("parcours_bookings_total{outcome=\"replayed\"} 1.0"), metrics);
      assertTrue(metrics.contains("parcours_bookings_total{outcome=\"UNKNOWN_TRACK\"} 1.0"), metrics);
      assertTrue(metrics.contains("parcours_booking_duration_seconds_count 3"), metrics);
      assertTrue(metrics.contains("parcours_booking_duration_seconds_bucket{le=\"0.5\"}"), metrics);
      // The booking's change may reach the cache after the first read and drop it: a hit is not certain.
      assertEquals(2.0, value(metrics, "parcours_feed_cache_total{feed=\"fair\",result=\"miss\"}")
          + value(metrics, "parcours_feed_cache_total{feed=\"fair\",result=\"hit\"}"), metrics);
      assertTrue(metrics.contains("vertx_http_server_requests_total{"), metrics);
      assertTrue(metrics.contains("route=\"/api/fairs/:fairSlug/bookings\""), metrics);
      assertTrue(metrics.contains("vertx_pool_in_use{pool_name=\"parcours\""), metrics);
    }
  }

  /** A dashboard's rate() needs each series before its first event: they all exist, at zero, from the start. */
  @Test
  void countersExistAtZeroFromTheStart(Vertx vertx) {
    try (TestApp app = TestApp.start(vertx)) {
      String metrics = send(app.client().get("/metrics"), null).bodyAsString();
      for (String outcome : BookingService.OUTCOMES) {
        assertTrue(metrics.contains("parcours_bookings_total{outcome=\"" + outcome + "\"} 0.0"), outcome + "\n" + metrics);
      }
      assertTrue(metrics.contains("parcours_booking_duration_seconds_count 0"), metrics);
      for (String feed : List.of("fair", "track", "room", "association", "selection", "booking")) {
        for (String result : List.of("hit", "miss")) {
          assertTrue(metrics.contains("parcours_feed_cache_total{feed=\"" + feed + "\",result=\"" + result + "\"} 0.0"),
              feed + " " + result + "\n" + metrics);
        }
      }
      assertTrue(metrics.contains("parcours_prepared_cache_total{cache=\"pages\",result=\"hit\"} 0.0"), metrics);
      assertTrue(metrics.contains("parcours_prepared_cache_total{cache=\"pages\",result=\"miss\"} 0.0"), metrics);
    }
  }

  /** Pages prepared once per change count a miss, then hits. */
  @Test
  void preparedPagesCountHitsAndMisses(Vertx vertx) {
    try (TestApp app = TestApp.start(vertx)) {
      BookingFixtures.Fair fair = BookingFixtures.fair(app, "salon-metrics-pages", 100);
      for (int i = 0; i < 5; i++) {
        assertEquals(200, send(app.client().get("/fairs/" + fair.slug()), null).statusCode());
      }
      String metrics = send(app.client().get("/metrics"), null).bodyAsString();
      assertEquals(5.0, value(metrics, "parcours_prepared_cache_total{cache=\"pages\",result=\"hit\"}")
          + value(metrics, "parcours_prepared_cache_total{cache=\"pages\",result=\"miss\"}"), metrics);
      assertTrue(value(metrics, "parcours_prepared_cache_total{cache=\"pages\",result=\"hit\"}") >= 1.0, metrics);
    }
  }

  private static double value(String metrics, String series) {
    return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
  }

  @Test
  void metricsCanBeTurnedOff(Vertx vertx) {
    JsonObject off = new JsonObject().put("metrics", new JsonObject().put("enabled", false));
    try (TestApp app = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), off)) {
      assertEquals(404, send(app.client().get("/metrics"), null).statusCode());
    }
  }
}
