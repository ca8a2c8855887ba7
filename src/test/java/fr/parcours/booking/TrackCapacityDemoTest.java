package fr.parcours.booking;

import fr.parcours.demo.DemoFair;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classes a track can still host, per part of the day, as the availability document says
 * them, against the booking form itself: on the demo fair, classes of the track's usual size
 * (30 people) book one after another in that part until one waits; the figure drops by one with
 * each class confirmed, and the class that waits is the one the figure said had no route.
 */
@ExtendWith(VertxExtension.class)
class TrackCapacityDemoTest {

  /** The demo's day: 8:30 to 17:00, split at 12:30. */
  private static final Map<String, List<String>> WINDOWS = Map.of("morning", List.of("08:30", "12:30"),
      "afternoon", List.of("12:30", "17:00"), "day", List.of("08:30", "17:00"));

  private static TestApp app;
  private static int school;

  @BeforeAll
  static void startWithTheDemo(Vertx vertx) {
    app = TestApp.await(TestApp.startAsync(vertx, TestDatabase.freshDatabaseUrl(), TestApp.patientDatabase(), true));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyTrackHostsInEachPartExactlyTheClassesTheBookingFormConfirms() {
    int counted = 0;
    for (Object item : availability().getJsonArray("tracks")) {
      String track = ((JsonObject) item).getString("slug");
      for (String part : List.of("morning", "afternoon", "day")) {
        int expected = classes(track, part);
        assertEquals(expected, bookUntilOneWaits(track, part), track + " " + part);
        counted += expected;
      }
    }
    assertTrue(counted > 0, "the demo hosts classes");
  }

  /** Books classes in the part until one waits, checking the figure on the way; cancels them all after. */
  private static int bookUntilOneWaits(String track, String part) {
    List<String> tokens = new ArrayList<>();
    int before = classes(track, part);
    try {
      for (int confirmed = 0; ; confirmed++) {
        JsonObject booking = book(track, WINDOWS.get(part));
        String url = booking.getString("manage_url");
        tokens.add(url.substring(url.lastIndexOf('/') + 1));
        if (!"confirmed".equals(booking.getString("status"))) {
          assertEquals(0, classes(track, part), track + " " + part + ": a class waits while the figure says room");
          return confirmed;
        }
        assertEquals(before - confirmed - 1, classes(track, part), track + " " + part + " after " + (confirmed + 1));
        if (confirmed > 200) {
          throw new AssertionError(track + " " + part + " never fills");
        }
      }
    } finally {
      tokens.forEach(token -> assertEquals(200,
          send(app.client().delete("/api/bookings/" + token), null).statusCode()));
    }
  }

  private static JsonObject book(String track, List<String> window) {
    String uai = String.format("0%06dA", ++school);
    JsonObject request = new JsonObject()
        .put("school", new JsonObject().put("name", "Collège " + school).put("uai", uai).put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "M. Petit").put("email", "petit" + school + "@example.org"))
        .put("class", new JsonObject().put("name", "3e " + school).put("level", "3e"))
        .put("pupils", 28).put("adults", 2).put("track", track)
        .put("arrival", window.get(0)).put("departure", window.get(1));
    HttpResponse<Buffer> response = send(app.client().post("/api/fairs/" + DemoFair.SLUG + "/bookings")
        .putHeader("Idempotency-Key", uai), request);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static int classes(String track, String part) {
    return availability().getJsonArray("tracks").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("slug").equals(track)).findFirst().orElseThrow()
        .getJsonObject("classes").getInteger(part);
  }

  private static JsonObject availability() {
    return send(app.client().get("/api/fairs/" + DemoFair.SLUG + "/availability"), null).bodyAsJsonObject();
  }
}
