package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static fr.parcours.booking.BookingFixtures.request;
import static fr.parcours.booking.BookingRoutesTest.shortWindow;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** When the organiser makes room (larger sessions), the waiting list moves without anyone cancelling. */
class NewPlacesPromotionTest extends BookingTestServer {

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

  private JsonObject book(Fair fair, String className) {
    return api.book(fair.slug(), shortWindow(request("0330023A", className, 23, 2))).bodyAsJsonObject();
  }

  private HttpResponse<Buffer> organiser(Fair fair, String path, JsonObject patch) {
    return send(TestApp.authorized(app.client().patch("/api/fairs/" + fair.slug() + path), fair.ownerToken()), patch);
  }
}
