package fr.parcours.booking;

import fr.parcours.fair.FairTimes;
import fr.parcours.i18n.Catalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the manage page tells a waiting class: why it waits (no route has room in its window)
 * and each window that would confirm it now, as a button that asks for those times.
 */
final class WaitingReason {

  private WaitingReason() {
  }

  /** Null unless the booking waits. */
  static JsonObject model(ShownBooking shown, String language) {
    if (!shown.booking().is(Booking.WAITLISTED)) {
      return null;
    }
    BookingRequest r = shown.booking().request();
    ZoneId zone = shown.fair().zone();
    JsonArray offers = new JsonArray();
    shown.confirmWindows().forEach(window -> {
      String arrival = FairTimes.clock(window.arrival(), zone);
      String departure = FairTimes.clock(window.departure(), zone);
      offers.add(new JsonObject().put("arrival", arrival).put("departure", departure)
          .put("label", Catalogue.say(language, "waiting_confirm_if", Map.of(
              "arrival", LocalTime.parse(arrival), "departure", LocalTime.parse(departure)))));
    });
    return new JsonObject()
        .put("reason", Catalogue.say(language, "waiting_reason", Map.of("people", r.people(),
            "arrival", r.arrival(), "departure", r.departure())))
        .put("windows", offers);
  }
}
