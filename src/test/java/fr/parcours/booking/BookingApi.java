package fr.parcours.booking;

import fr.parcours.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.UUID;

import static fr.parcours.support.TestApp.send;

/** The booking HTTP calls tests make, named after what a teacher does. */
final class BookingApi {

  private final TestApp app;

  BookingApi(TestApp app) {
    this.app = app;
  }

  HttpResponse<Buffer> book(String fairSlug, JsonObject body) {
    return book(fairSlug, UUID.randomUUID().toString(), body);
  }

  HttpResponse<Buffer> book(String fairSlug, String key, JsonObject body) {
    return send(app.client().post("/api/fairs/" + fairSlug + "/bookings").putHeader("Idempotency-Key", key), body);
  }

  HttpResponse<Buffer> show(JsonObject booking) {
    return send(app.client().get(path(booking)), null);
  }

  HttpResponse<Buffer> change(JsonObject booking, JsonObject patch) {
    return send(app.client().patch(path(booking)), patch);
  }

  HttpResponse<Buffer> cancel(JsonObject booking) {
    return send(app.client().delete(path(booking)), null);
  }

  HttpResponse<Buffer> accept(JsonObject booking) {
    return send(app.client().post(path(booking) + "/acceptance"), null);
  }

  /** Cancels without waiting: for requests fired while others are in flight. */
  Future<HttpResponse<Buffer>> cancelAsync(JsonObject booking) {
    return app.client().delete(path(booking)).send();
  }

  /** The API path behind a booking's manage link. */
  static String path(JsonObject booking) {
    String url = booking.getString("manage_url");
    return "/api/bookings/" + url.substring(url.lastIndexOf('/') + 1);
  }
}
