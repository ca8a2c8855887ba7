package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.booking.BookingFixtures.request;
import static fr.parcours.booking.BookingRoutesTest.shortWindow;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bookings follow the organiser's session edits: more room moves the waiting list, a cancelled
 * showing moves its classes to another one (or, with none left, to the waiting list).
 */
class OrganiserSessionChangesTest extends BookingTestServer {

  @Test
  void enlargingAWholeRoutePromotesTheFirstWaitingClass() {
    Fair fair = BookingFixtures.fair(app, "more-room", 30);
    JsonObject first = book(fair, "3e A");
    book(fair, "3e B");
    book(fair, "3e C");
    JsonObject waiting = book(fair, "3e D");
    assertEquals("waitlisted", waiting.getString("status"));

    BookingFixtures.ACTIVITIES.forEach(activity ->
        assertEquals(200, organiser(fair, "/rooms/salle-" + activity, new JsonObject().put("capacity", 60)).statusCode()));
    var route = first.getJsonArray("route");
    for (int i = 0; i < route.size(); i++) {
      assertEquals("waitlisted", api.show(waiting).bodyAsJsonObject().getString("status"), "no whole route yet");
      long session = route.getJsonObject(i).getLong("session");
      HttpResponse<Buffer> enlarged = organiser(fair, "/sessions/" + session, new JsonObject().put("capacity", 60));
      assertEquals(200, enlarged.statusCode(), enlarged.bodyAsString());
    }

    JsonObject promoted = api.show(waiting).bodyAsJsonObject();
    assertEquals("confirmed", promoted.getString("status"));
    assertEquals(first.getJsonArray("route"), promoted.getJsonArray("route"));
  }

  @Test
  void aCancelledShowingMovesItsClassesKeepingTheRestOfTheirRoute() {
    Fair fair = BookingFixtures.fair(app, "rerouted", 60);
    JsonObject booked = api.book(fair.slug(), request("0330023A", "3e A", 23, 2)).bodyAsJsonObject();
    var before = booked.getJsonArray("route");
    long cancelled = before.getJsonObject(1).getLong("session");

    HttpResponse<Buffer> cancel = organiser(fair, "/sessions/" + cancelled, new JsonObject().put("status", "cancelled"));
    assertEquals(200, cancel.statusCode(), cancel.bodyAsString());

    JsonObject moved = api.show(booked).bodyAsJsonObject();
    assertEquals("confirmed", moved.getString("status"));
    List<Long> after = sessions(moved);
    assertFalse(after.contains(cancelled));
    assertTrue(after.contains(before.getJsonObject(0).getLong("session")), "the rest of the route is kept");
    assertTrue(after.contains(before.getJsonObject(2).getLong("session")), "the rest of the route is kept");
    assertEquals(0L, BookingFixtures.single(app, "SELECT booked FROM sessions WHERE id = $1", Tuple.of(cancelled)));
    assertEquals(1L, BookingFixtures.single(app, "SELECT count(*) FROM outbox WHERE kind = 'booking_rerouted' "
        + "AND recipient = $1", Tuple.of(booked.getJsonObject("teacher").getString("email"))));
  }

  @Test
  void withNoOtherShowingTheClassWaitsAndIsToldWhy() {
    Fair fair = BookingFixtures.fair(app, "bumped", 30);
    JsonObject first = book(fair, "3e A");
    book(fair, "3e B");
    book(fair, "3e C");
    long cancelled = first.getJsonArray("route").getJsonObject(0).getLong("session");

    assertEquals(200, organiser(fair, "/sessions/" + cancelled, new JsonObject().put("status", "cancelled")).statusCode());

    JsonObject bumped = api.show(first).bodyAsJsonObject();
    assertEquals("waitlisted", bumped.getString("status"));
    assertEquals(1, bumped.getInteger("waitlist_position"));
    assertTrue(bumped.getJsonArray("route").isEmpty());
    assertEquals(1L, BookingFixtures.single(app, "SELECT count(*) FROM outbox WHERE kind = 'booking_bumped'", Tuple.tuple()));
  }

  @Test
  void aMovedShowingMovesOnlyTheClassesItNoLongerSuitsAndARetitleMovesNobody() {
    Fair fair = BookingFixtures.fair(app, "moved", 60);
    JsonObject booked = api.book(fair.slug(), shortWindow(request("0330023A", "3e M", 23, 2))).bodyAsJsonObject();
    long first = booked.getJsonArray("route").getJsonObject(0).getLong("session");
    Tuple teacher = Tuple.of(booked.getJsonObject("teacher").getString("email"));

    assertEquals(200, organiser(fair, "/sessions/" + first, new JsonObject().put("title", "Nouveau titre")).statusCode());
    assertEquals(booked.getJsonArray("route").getJsonObject(0).getLong("session"),
        sessions(api.show(booked).bodyAsJsonObject()).get(0), "a new title moves nobody");
    assertEquals(0L, BookingFixtures.single(app, "SELECT count(*) FROM outbox WHERE kind = 'booking_rerouted' "
        + "AND recipient = $1", teacher));

    HttpResponse<Buffer> moved = organiser(fair, "/sessions/" + first, new JsonObject()
        .put("starts_at", "2027-01-14T15:00:00+01:00").put("ends_at", "2027-01-14T15:30:00+01:00"));
    assertEquals(200, moved.statusCode(), moved.bodyAsString());

    JsonObject after = api.show(booked).bodyAsJsonObject();
    assertEquals("confirmed", after.getString("status"));
    assertFalse(sessions(after).contains(first), "15:00 is after the bus leaves at 10:50");
    assertEquals(1L, BookingFixtures.single(app, "SELECT count(*) FROM outbox WHERE kind = 'booking_rerouted' "
        + "AND recipient = $1", teacher));
  }

  private static List<Long> sessions(JsonObject booking) {
    return booking.getJsonArray("route").stream().map(step -> ((JsonObject) step).getLong("session")).toList();
  }

  private JsonObject book(Fair fair, String className) {
    return api.book(fair.slug(), shortWindow(request("0330023A", className, 23, 2))).bodyAsJsonObject();
  }

  private HttpResponse<Buffer> organiser(Fair fair, String path, JsonObject patch) {
    return send(TestApp.authorized(app.client().patch("/api/fairs/" + fair.slug() + path), fair.ownerToken()), patch);
  }
}
