package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.live.AvailabilityDeltaTest;
import fr.parcours.support.EventStreamClient;
import fr.parcours.support.EventStreamClient.Event;
import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static fr.parcours.booking.BookingFixtures.request;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Places left as server-sent events, over HTTP, with two instances on one database. */
class LiveAvailabilityTest extends BookingTestServer {

  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  private static final Duration FIRST_EVENT = Duration.ofSeconds(10);

  @Test
  void theFirstEventCarriesTheCurrentNumbers(Vertx vertx) {
    Fair fair = BookingFixtures.fair(app, "live-first", 60);
    assertEquals(201, api.book(fair.slug(), request("0330023A", "3e B", 25, 2)).statusCode());
    try (EventStreamClient stream = EventStreamClient.open(vertx, app.port(), events(fair))) {
      assertEquals(200, stream.status());
      assertEquals("text/event-stream; charset=utf-8", stream.header("Content-Type"));
      Event first = stream.next(0, FIRST_EVENT);
      assertTrue(stream.text().startsWith("retry: "), stream.text());
      assertEquals("availability", first.name());
      assertEquals(availability(app, fair), first.json());
      assertEquals(33, firstSessionLeft(first.json()), "25 pupils and 2 adults booked");
    }
  }

  @Test
  void aBookingThroughOneInstanceReachesAStreamOnAnotherWithinASecond(Vertx vertx) {
    Fair fair = BookingFixtures.fair(app, "live-cross", 60);
    try (TestApp other = TestApp.start(vertx, app.config().dbUrl(), new JsonObject());
         EventStreamClient stream = EventStreamClient.open(vertx, other.port(), events(fair))) {
      JsonObject first = stream.next(0, FIRST_EVENT).json();
      assertEquals(60, firstSessionLeft(first));
      assertEquals(201, api.book(fair.slug(), request("0330023A", "3e B", 25, 2)).statusCode());
      Event booked = stream.next(1, WITHIN_A_SECOND);
      assertEquals("changes", booked.name(), "only what moved, not the whole document again");
      JsonObject now = AvailabilityDeltaTest.applied(first, booked.json());
      assertEquals(33, firstSessionLeft(now));
      assertEquals(availability(other, fair), now);
    }
  }

  @Test
  void aReconnectingBrowserGetsTheWholeDocumentWhateverEventItSaysItSawLast(Vertx vertx) {
    Fair fair = BookingFixtures.fair(app, "live-again", 60);
    assertEquals(201, api.book(fair.slug(), request("0330023A", "3e B", 25, 2)).statusCode());
    try (EventStreamClient stream = EventStreamClient.open(vertx, app.port(), events(fair),
        Map.of("Last-Event-ID", "41"))) {
      Event first = stream.next(0, FIRST_EVENT);
      assertEquals("availability", first.name());
      assertEquals(availability(app, fair), first.json());
    }
  }

  @Test
  void anInstanceFollowsAtMostItsBoundAndFreesAPlaceWhenAClientLeaves(Vertx vertx) {
    Fair fair = BookingFixtures.fair(app, "live-bound", 60);
    JsonObject oneStream = new JsonObject().put("live", new JsonObject().put("max_streams", 1));
    try (TestApp small = TestApp.start(vertx, app.config().dbUrl(), oneStream)) {
      EventStreamClient first = EventStreamClient.open(vertx, small.port(), events(fair));
      first.next(0, FIRST_EVENT);
      try (EventStreamClient refused = EventStreamClient.open(vertx, small.port(), events(fair))) {
        assertEquals(503, refused.status());
        assertEquals("3", refused.header("Retry-After"));
      }
      first.close();
      EventStreamClient again = Poll.until(FIRST_EVENT, () -> EventStreamClient.open(vertx, small.port(), events(fair)),
          stream -> stream.status() == 200 || closed(stream));
      again.next(0, FIRST_EVENT);
      again.close();
    }
  }

  @Test
  void aServerGoingDownEndsItsStreamsCleanlySoBrowsersReconnectElsewhere(Vertx vertx) {
    Fair fair = BookingFixtures.fair(app, "live-down", 60);
    TestApp other = TestApp.start(vertx, app.config().dbUrl(), new JsonObject());
    try (EventStreamClient stream = EventStreamClient.open(vertx, other.port(), events(fair))) {
      stream.next(0, FIRST_EVENT);
      other.close();
      // Ended, not dropped: a dropped stream never reports its end.
      Poll.until(WITHIN_A_SECOND, stream::ended, ended -> ended);
    }
  }

  @Test
  void anUnknownFairHasNoStream(Vertx vertx) {
    try (EventStreamClient stream = EventStreamClient.open(vertx, app.port(), "/api/fairs/nope/availability/events")) {
      assertEquals(404, stream.status());
    }
  }

  /** A refused attempt is closed at once, so polling does not pile up clients. */
  private static boolean closed(EventStreamClient refused) {
    refused.close();
    return false;
  }

  private static String events(Fair fair) {
    return "/api/fairs/" + fair.slug() + "/availability/events";
  }

  private static JsonObject availability(TestApp server, Fair fair) {
    return send(server.client().get("/api/fairs/" + fair.slug() + "/availability"), null).bodyAsJsonObject();
  }

  private static int firstSessionLeft(JsonObject availability) {
    return availability.getJsonArray("sessions").getJsonObject(0).getInteger("left");
  }
}
