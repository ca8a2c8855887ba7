package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static fr.parcours.booking.BookingFixtures.exec;
import static fr.parcours.booking.BookingFixtures.request;
import static fr.parcours.booking.BookingRoutesTest.shortWindow;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fair whose promotions are offers (48 hours to accept): on a track whose short window holds
 * three showings of each activity (capacity 30), three classes of 25 fill it and the rest wait.
 */
class BookingOffersTest extends BookingTestServer {

  @Test
  void aPromotedClassHoldsItsPlaceUntilItAcceptsOrTheDeadlinePassesItOn() {
    Fair fair = BookingFixtures.fair(app, "offres", 30);
    exec(app, "UPDATE fairs SET offer_hours = 48 WHERE id = $1", Tuple.of(fair.id()));
    JsonObject a = book(fair, "3e A");
    JsonObject b = book(fair, "3e B");
    book(fair, "3e C");
    JsonObject d = book(fair, "3e D");
    JsonObject e = book(fair, "3e E");
    JsonObject f = book(fair, "3e F");
    assertEquals("waitlisted", d.getString("status"));

    api.cancel(a);
    JsonObject offered = api.show(d).bodyAsJsonObject();
    assertEquals("confirmed", offered.getString("status"), "the place is held for D");
    OffsetDateTime deadline = OffsetDateTime.parse(offered.getJsonObject("offer").getString("expires_at"));
    assertTrue(Math.abs(Duration.between(OffsetDateTime.now().plusHours(48), deadline).toMinutes()) < 5, deadline::toString);
    String mail = lastMail("booking_promoted", offered);
    assertTrue(mail.contains("réservée à votre classe jusqu'au"), mail);
    String page = send(app.client().get("/manage/" + token(offered)), null).bodyAsString();
    assertTrue(page.contains("id=\"offer-accept\"") && page.contains("Accepter la place"), "the manage page asks");

    JsonObject accepted = api.accept(d).bodyAsJsonObject();
    assertNull(accepted.getJsonObject("offer"), "accepted: nothing left to accept");
    assertEquals(accepted, api.accept(d).bodyAsJsonObject(), "accepting twice changes nothing");

    api.cancel(b);
    assertEquals("confirmed", api.show(e).bodyAsJsonObject().getString("status"));
    assertEquals(0, await(app.application().expireOffers()), "nothing is late yet");
    exec(app, "UPDATE bookings SET offered_until = now() - interval '1 minute' WHERE manage_token = $1",
        Tuple.of(token(e)));
    assertEquals(1, await(app.application().expireOffers()));

    JsonObject expired = api.show(e).bodyAsJsonObject();
    assertEquals("cancelled", expired.getString("status"), "E let its place go");
    assertTrue(lastMail("booking_offer_expired", expired).contains("pas été acceptée avant la date limite"));
    HttpResponse<Buffer> late = api.accept(e);
    assertEquals(409, late.statusCode());
    assertEquals("BOOKING_CANCELLED", late.bodyAsJsonObject().getString("code"));
    JsonObject next = api.show(f).bodyAsJsonObject();
    assertEquals("confirmed", next.getString("status"), "F is offered E's place");
    assertEquals(b.getJsonArray("route"), next.getJsonArray("route"));
    assertFalse(next.getJsonObject("offer").isEmpty());
    assertEquals(0, BookingFixtures.single(app, "SELECT count(*) FROM sessions s WHERE s.fair_id = $1 AND s.booked <> "
        + "(SELECT coalesce(sum(people), 0) FROM held_places h WHERE h.session_id = s.id)", Tuple.of(fair.id())));
  }

  @Test
  void withoutADeadlineAPromotionIsAPlaceAtOnce() {
    Fair fair = BookingFixtures.fair(app, "sans-offre", 30);
    JsonObject a = book(fair, "3e A");
    book(fair, "3e B");
    book(fair, "3e C");
    JsonObject d = book(fair, "3e D");
    api.cancel(a);
    JsonObject promoted = api.show(d).bodyAsJsonObject();
    assertEquals("confirmed", promoted.getString("status"));
    assertNull(promoted.getJsonObject("offer"));
  }

  private static JsonObject book(Fair fair, String className) {
    HttpResponse<Buffer> response = api.book(fair.slug(), shortWindow(request("0330023A", className, 23, 2)));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static String token(JsonObject booking) {
    String url = booking.getString("manage_url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** The body of the last message of {@code kind} queued for the booking's teacher. */
  private static String lastMail(String kind, JsonObject booking) {
    Row row = await(app.pool().preparedQuery("SELECT body FROM outbox WHERE kind = $1 AND recipient = $2 "
        + "ORDER BY id DESC LIMIT 1").execute(Tuple.of(kind, booking.getJsonObject("teacher").getString("email"))))
        .iterator().next();
    return row.getString("body");
  }
}
