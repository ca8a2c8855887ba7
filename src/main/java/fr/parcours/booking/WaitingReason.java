package fr.parcours.booking;

import fr.parcours.i18n.Catalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalTime;
import java.util.Map;

/**
 * What the manage page tells a waiting class: why it waits (no route has room in its window)
 * and each window that would confirm it now, as a button that asks for those times.
 */
final class WaitingReason {

  private WaitingReason() {
  }

  /** Null unless the booking waits. */
  static JsonObject model(JsonObject booking, String language) {
    JsonArray windows = booking.getJsonArray("confirm_windows");
    if (windows == null) {
      return null;
    }
    int people = booking.getInteger("pupils") + booking.getInteger("adults");
    JsonArray offers = new JsonArray();
    windows.forEach(window -> {
      JsonObject w = (JsonObject) window;
      offers.add(w.copy().put("label", Catalogue.say(language, "waiting_confirm_if", Map.of(
          "arrival", LocalTime.parse(w.getString("arrival")), "departure", LocalTime.parse(w.getString("departure"))))));
    });
    return new JsonObject()
        .put("reason", Catalogue.say(language, "waiting_reason", Map.of("people", people,
            "arrival", LocalTime.parse(booking.getString("arrival")),
            "departure", LocalTime.parse(booking.getString("departure")))))
        .put("windows", offers);
  }
}
