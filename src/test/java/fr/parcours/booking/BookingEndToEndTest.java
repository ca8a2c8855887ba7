package fr.parcours.booking;

import fr.parcours.support.Ical;
import fr.parcours.support.Poll;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fair built only through the organiser API, then booked, followed in the calendar feed and
 * cancelled by a teacher: the path a real fair takes, with no SQL fixture in between.
 */
class BookingEndToEndTest extends ServerTest {

  private static final String SLUG = "salon-de-bordeaux";
  private static final String BASE = "/api/fairs/" + SLUG;
  private static final String DAY = "2027-03-11";
  private static final int ROOM_SEATS = 30;

  @Test
  void organiserBuildsAFairTeacherBooksFollowsAndCancels() throws Exception {
    buildPublishedFair(app.organiserToken("claire@e2e.test"));

    HttpResponse<Buffer> created = send(app.client().post(BASE + "/bookings")
        .putHeader("Idempotency-Key", "e2e-first-try"), BookingFixtures.request("0330023A", "3e B", 25, 2)
        .put("track", "s-orienter"));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject booking = created.bodyAsJsonObject();
    assertEquals("confirmed", booking.getString("status"));
    assertEquals(new JsonObject().put("slug", SLUG).put("name", "Salon de Bordeaux"), booking.getJsonObject("fair"));
    assertEquals("S'orienter", booking.getString("track_name"));
    JsonArray route = booking.getJsonArray("route");
    assertEquals(List.of(DAY + "T09:00:00+01:00", DAY + "T09:40:00+01:00"), starts(route));

    assertPlacesTaken(route, 27);

    String token = lastSegment(booking.getString("manage_url"));
    String confirmed = feed(token);
    assertTrue(confirmed.contains("DTSTART;TZID=Europe/Paris:20270311T090000"), confirmed);
    assertTrue(confirmed.contains("DTSTART;TZID=Europe/Paris:20270311T094000"), confirmed);
    assertEquals(List.of("CONFIRMED", "CONFIRMED"), statuses(confirmed));

    HttpResponse<Buffer> cancelled = send(app.client().delete("/api/bookings/" + token), null);
    assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());
    assertEquals("cancelled", cancelled.bodyAsJsonObject().getString("status"));
    // The instance's cached feed is dropped when the change's notification comes back, within a second.
    Poll.until(Duration.ofSeconds(1), () -> statuses(feed(token)), List.of("CANCELLED", "CANCELLED")::equals);
    assertPlacesTaken(route, 0);
  }

  /**
   * One day, registration open, a venue, track "s-orienter", two rooms; two activities each given
   * twice (09:00 and 09:40, 30 minutes), one activity per room; then published.
   */
  private static void buildPublishedFair(String token) {
    create(token, "/api/fairs", new JsonObject().put("slug", SLUG).put("name", "Salon de Bordeaux")
        .put("city", "Bordeaux").put("time_zone", "Europe/Paris")
        .put("days", new JsonArray().add(new JsonObject().put("date", DAY).put("opens_at", "08:30")
            .put("closes_at", "17:00")))
        .put("registration_opens_at", "2020-01-01T00:00:00Z").put("registration_closes_at", "2100-01-01T00:00:00Z")
        .put("changeover_minutes", 10));
    create(token, BASE + "/venues", new JsonObject().put("slug", "hotel").put("name", "Hôtel de Région")
        .put("address", "14 rue François de Sourdis").put("city", "Bordeaux"));
    create(token, BASE + "/tracks", new JsonObject().put("slug", "s-orienter").put("name", "S'orienter"));
    List<String> activities = List.of("Atelier CV", "Métiers du numérique");
    for (int i = 0; i < activities.size(); i++) {
      String activity = activities.get(i);
      String room = "salle-" + (i + 1);
      create(token, BASE + "/rooms", new JsonObject().put("slug", room).put("name", "Salle " + activity)
          .put("venue", "hotel").put("kind", "workshop").put("capacity", ROOM_SEATS));
      for (String start : List.of("09:00", "09:40")) {
        create(token, BASE + "/sessions", session(activity, room, start));
      }
    }
    HttpResponse<Buffer> published = send(TestApp.authorized(app.client().patch(BASE), token),
        new JsonObject().put("status", "published"));
    assertEquals(200, published.statusCode(), published.bodyAsString());
  }

  private static JsonObject session(String title, String room, String start) {
    String end = start.equals("09:00") ? "09:30" : "10:10";
    return new JsonObject().put("title", title).put("kind", "workshop").put("track", "s-orienter").put("room", room)
        .put("starts_at", DAY + "T" + start + ":00+01:00").put("ends_at", DAY + "T" + end + ":00+01:00");
  }

  private static void create(String token, String path, JsonObject body) {
    HttpResponse<Buffer> response = send(TestApp.authorized(app.client().post(path), token), body);
    assertEquals(201, response.statusCode(), path + ": " + response.bodyAsString());
  }

  /** The route's sessions hold {@code people} each in the public availability; the others none. */
  private static void assertPlacesTaken(JsonArray route, int people) {
    List<Long> routeIds = route.stream().map(step -> ((JsonObject) step).getLong("session")).toList();
    HttpResponse<Buffer> response = send(app.client().get(BASE + "/availability"), null);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject availability = response.bodyAsJsonObject();
    JsonArray sessions = availability.getJsonArray("sessions");
    assertEquals(4, sessions.size());
    for (Object item : sessions) {
      JsonObject session = (JsonObject) item;
      int booked = routeIds.contains(session.getLong("id")) ? people : 0;
      assertEquals(booked, session.getInteger("booked"), session.encode());
      assertEquals(ROOM_SEATS - booked, session.getInteger("left"), session.encode());
    }
    // A track's places left are its scarcest activity's: two showings, one of them on the route.
    int left = availability.getJsonArray("tracks").getJsonObject(0).getInteger("left");
    assertEquals(2 * ROOM_SEATS - people, left);
  }

  private static String feed(String token) {
    HttpResponse<Buffer> response = send(app.client().get("/calendars/bookings/" + token + ".ics"), null);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsString();
  }

  private static List<String> statuses(String ics) {
    return Ical.events(ics).stream().map(event -> event.getStatus().getValue()).toList();
  }

  private static List<String> starts(JsonArray route) {
    return route.stream().map(step -> ((JsonObject) step).getString("starts_at")).toList();
  }

  private static String lastSegment(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
