package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.Ical;
import fr.parcours.support.PageForms;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class's calendar feed has a token of its own: whoever holds the feed URL (a shared calendar,
 * a sync log) reads the route and can change nothing, while feed links made on the manage token
 * before feeds had their own keep answering.
 */
class FeedTokenTest extends BookingTestServer {

  @Test
  void theFeedTokenReadsTheRouteAndOpensNothingElse() {
    Fair fair = BookingFixtures.fair(app, "feed-token", 60);
    JsonObject booking = booked(fair, "3e A");
    String manage = last(booking.getString("manage_url"));
    String feed = feedToken(booking);
    assertNotEquals(manage, feed);
    assertEquals(43, feed.length(), feed);
    assertEquals(booking.getString("calendar_url").replaceFirst("^https?://", "webcal://"),
        booking.getString("webcal_url"));
    assertNotEquals(feed, feedToken(booked(fair, "3e B")), "every booking has its own feed token");

    String ics = ics(feed);
    assertEquals(3, Ical.events(ics).size(), ics);
    assertFalse(ics.contains(manage), "the feed never carries the manage token");

    for (String path : List.of("/manage/" + feed, "/manage/" + feed + "/print", "/manage/" + feed + "/check-in.svg",
        "/api/bookings/" + feed)) {
      assertEquals(404, send(app.client().get(path), null).statusCode(), path);
    }
    assertEquals(404, send(app.client().patch("/api/bookings/" + feed), new JsonObject().put("pupils", 1))
        .statusCode());
    assertEquals(404, send(app.client().delete("/api/bookings/" + feed), null).statusCode());
    assertEquals(404, PageForms.post(app, "/manage/" + feed, MultiMap.caseInsensitiveMultiMap()
        .add("action", "cancel").add("confirm", "yes")).statusCode());
    assertEquals("confirmed", api.show(booking).bodyAsJsonObject().getString("status"), "still booked");
  }

  @Test
  void aFeedLinkMadeOnTheManageTokenStillAnswers() {
    Fair fair = BookingFixtures.fair(app, "feed-old-link", 60);
    JsonObject booking = booked(fair, "3e C");
    assertEquals(uids(ics(feedToken(booking))), uids(ics(last(booking.getString("manage_url")))));
  }

  @Test
  void theManagePageAndTheConfirmationGiveTheFeedToken() {
    Fair fair = BookingFixtures.fair(app, "feed-shown", 60);
    JsonObject booking = booked(fair, "3e D");
    String manage = last(booking.getString("manage_url"));
    String feedUrl = booking.getString("calendar_url");

    String page = send(app.client().get("/manage/" + manage), null).bodyAsString();
    assertTrue(page.contains(feedUrl) && page.contains(booking.getString("webcal_url")), page);
    assertFalse(page.contains("/calendars/bookings/" + manage), "the page offers no feed on the manage token");

    String mail = await(app.pool().preparedQuery("SELECT body FROM outbox WHERE kind = 'booking_confirmed' "
        + "AND body LIKE '%' || $1 || '%'").execute(Tuple.of(manage))).iterator().next().getString("body");
    assertTrue(mail.contains(feedUrl), mail);
    assertFalse(mail.contains("/calendars/bookings/" + manage), mail);
  }

  private static JsonObject booked(Fair fair, String className) {
    HttpResponse<Buffer> created = api.book(fair.slug(), BookingFixtures.request("0330023A", className, 25, 2));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject();
  }

  private static String ics(String token) {
    HttpResponse<Buffer> response = send(app.client().get("/calendars/bookings/" + token + ".ics"), null);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("text/calendar"), response.getHeader("Content-Type"));
    return response.bodyAsString();
  }

  private static List<String> uids(String ics) {
    List<String> uids = Ical.events(ics).stream().map(event -> event.getUid().orElseThrow().getValue()).toList();
    assertEquals(3, uids.size(), ics);
    return uids;
  }

  private static String feedToken(JsonObject booking) {
    String url = booking.getString("calendar_url");
    assertTrue(url.startsWith(app.config().publicUrl() + "/calendars/bookings/") && url.endsWith(".ics"), url);
    return last(url).replaceFirst("\\.ics$", "");
  }

  private static String last(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
