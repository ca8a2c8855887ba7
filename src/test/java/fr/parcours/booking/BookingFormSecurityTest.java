package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.PageForms;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static fr.parcours.booking.BookingFixtures.request;
import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teacher's forms refuse posts forged on another site, and old manage links still lead to the booking. */
class BookingFormSecurityTest extends BookingTestServer {

  @Test
  void aForgedBookingFormIsRefusedAndStoresNothing() {
    Fair fair = BookingFixtures.fair(app, "csrf-book", 60);
    MultiMap form = BookingFixtures.form("forged-1");

    // Another site can make the visitor's browser send the form, with the visitor's cookies, but not read the token.
    String token = PageForms.csrfToken(app);
    HttpResponse<Buffer> forged = await(app.client().post("/fairs/" + fair.slug() + "/book")
        .putHeader("Cookie", "csrf=" + token).putHeader("Accept", "text/html")
        .sendForm(MultiMap.caseInsensitiveMultiMap().addAll(form).add("csrf", "guessed")));
    HttpResponse<Buffer> tokenless = await(app.client().post("/fairs/" + fair.slug() + "/book").sendForm(form));

    assertEquals(403, forged.statusCode());
    assertTrue(forged.getHeader("Content-Type").startsWith("text/html"), "a page for the browser");
    assertEquals(403, tokenless.statusCode());
    assertEquals("CSRF_REFUSED", tokenless.bodyAsJsonObject().getString("code"));
    assertEquals(0L, BookingFixtures.single(app, "SELECT count(*) FROM bookings WHERE fair_id = $1", Tuple.of(fair.id())));
    assertEquals(303, PageForms.post(app, "/fairs/" + fair.slug() + "/book", form).statusCode(), "with its token it books");
  }

  @Test
  void aForgedCancellationLeavesTheBookingAlone() {
    Fair fair = BookingFixtures.fair(app, "csrf-cancel", 60);
    JsonObject booking = api.book(fair.slug(), request("0330023A", "3e B", 25, 2)).bodyAsJsonObject();
    MultiMap cancel = MultiMap.caseInsensitiveMultiMap().add("action", "cancel").add("confirm", "yes");

    HttpResponse<Buffer> forged = await(app.client().post(managePath(booking)).sendForm(cancel));

    assertEquals(403, forged.statusCode());
    assertEquals("confirmed", api.show(booking).bodyAsJsonObject().getString("status"));
    assertEquals(303, PageForms.post(app, managePath(booking), cancel).statusCode());
    assertEquals("cancelled", api.show(booking).bodyAsJsonObject().getString("status"));
  }

  @Test
  void theFirstManageLinksMovedForGood() {
    Fair fair = BookingFixtures.fair(app, "old-link", 60);
    JsonObject booking = api.book(fair.slug(), request("0330023A", "3e B", 25, 2)).bodyAsJsonObject();
    String token = managePath(booking).substring(BookingLinks.MANAGE.length());

    HttpResponse<Buffer> old = await(app.client().get("/bookings/" + token).followRedirects(false).send());

    assertEquals(301, old.statusCode());
    assertEquals("/manage/" + token, old.getHeader("Location"));
    HttpResponse<Buffer> print = await(app.client().get("/manage/" + token + "/print").send());
    assertEquals(200, print.statusCode());
    assertTrue(print.bodyAsString().contains("id=\"route\""));
  }

  private static String managePath(JsonObject booking) {
    return booking.getString("manage_url").substring(app.config().publicUrl().length());
  }
}
