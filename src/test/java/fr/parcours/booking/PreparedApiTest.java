package fr.parcours.booking;

import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fair's public programme is prepared once per change and served from memory with ETag/304,
 * gzipped for clients that take it; a booking's places show as soon as its change arrives.
 */
@ExtendWith(VertxExtension.class)
class PreparedApiTest {

  @Test
  void publicAnswersArePreparedOncePerChange(Vertx vertx) throws IOException {
    try (TestApp app = TestApp.start(vertx)) {
      BookingFixtures.Fair fair = BookingFixtures.fair(app, "salon-prepared-api", 100);
      for (String path : new String[] {"/api/fairs/" + fair.slug(), "/api/fairs/" + fair.slug() + "/availability"}) {
        HttpResponse<Buffer> first = get(app, path, null, false);
        assertEquals(200, first.statusCode(), path);
        String etag = first.getHeader("ETag");
        assertNotNull(etag, path);
        assertEquals("no-cache", first.getHeader("Cache-Control"), path);
        assertEquals(304, get(app, path, etag, false).statusCode(), path);

        HttpResponse<Buffer> zipped = get(app, path, null, true);
        assertEquals("gzip", zipped.getHeader("Content-Encoding"), path);
        assertEquals(first.bodyAsJsonObject(), new JsonObject(gunzip(zipped.body().getBytes())), path);
        assertEquals(304, get(app, path, etag, true).statusCode(), path + ": either representation's tag is current");
      }
      assertEquals(404, get(app, "/api/fairs/no-such-fair", null, false).statusCode());
      assertEquals(404, get(app, "/api/fairs/no-such-fair/availability", null, false).statusCode());

      String path = "/api/fairs/" + fair.slug();
      int booked = booked(get(app, path, null, false).bodyAsJsonObject());
      String before = get(app, path, null, false).getHeader("ETag");
      assertEquals(201, new BookingApi(app).book(fair.slug(), BookingFixtures.request("0330001A", "3e A", 25, 2))
          .statusCode());
      // The change reaches the cache through LISTEN/NOTIFY, within a fraction of a second.
      HttpResponse<Buffer> after = Poll.until(Duration.ofSeconds(10), () -> get(app, path, before, false),
          response -> response.statusCode() == 200);
      assertNotEquals(before, after.getHeader("ETag"));
      assertTrue(booked(after.bodyAsJsonObject()) > booked, after.bodyAsString());
      String metrics = send(app.client().get("/metrics"), null).bodyAsString();
      assertTrue(metric(metrics, "parcours_prepared_cache_total{cache=\"api\",result=\"hit\"}") > 0, metrics);
    }
  }

  /**
   * A teacher who booked reads their own places at once: the instance that committed the booking
   * forgets what it prepared before answering, without waiting for the notification to come round.
   */
  @Test
  void availabilityReadsItsOwnWriteAtOnce(Vertx vertx) {
    try (TestApp app = TestApp.start(vertx)) {
      BookingFixtures.Fair fair = BookingFixtures.fair(app, "salon-prepared-availability", 100);
      String path = "/api/fairs/" + fair.slug() + "/availability";
      HttpResponse<Buffer> before = get(app, path, null, false);
      String etag = before.getHeader("ETag");
      assertEquals(304, get(app, path, etag, false).statusCode());
      BookingApi api = new BookingApi(app);
      int booked = booked(before.bodyAsJsonObject());
      for (int i = 1; i <= 3; i++) {
        assertEquals(201, api.book(fair.slug(), BookingFixtures.request("033000" + i + "A", "3e " + i, 25, 2)).statusCode());
        HttpResponse<Buffer> after = get(app, path, etag, false);
        assertEquals(200, after.statusCode(), "right after booking " + i);
        assertTrue(booked(after.bodyAsJsonObject()) > booked, after.bodyAsString());
        booked = booked(after.bodyAsJsonObject());
        etag = after.getHeader("ETag");
        assertEquals(304, get(app, path, etag, false).statusCode(), "a repeat is answered from memory");
      }
    }
  }

  private static int booked(JsonObject programme) {
    return programme.getJsonArray("sessions").stream().mapToInt(s -> ((JsonObject) s).getInteger("booked", 0)).sum();
  }

  private static HttpResponse<Buffer> get(TestApp app, String path, String ifNoneMatch, boolean gzip) {
    var request = app.client().get(path);
    if (ifNoneMatch != null) {
      request.putHeader("If-None-Match", ifNoneMatch);
    }
    if (gzip) {
      request.putHeader("Accept-Encoding", "gzip");
    }
    return send(request, null);
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static double metric(String metrics, String series) {
    return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
  }
}
