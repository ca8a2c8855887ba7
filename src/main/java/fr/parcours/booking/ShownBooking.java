package fr.parcours.booking;

import fr.parcours.booking.Alternatives.Window;
import fr.parcours.fair.Fair;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A booking as its teacher is shown it: with its fair and its links, the challenge pick it
 * holds (null when none) and, while it waits, the windows that would confirm it now (empty
 * otherwise). The API's JSON and the manage page are both made from it.
 */
public record ShownBooking(Booking booking, Fair fair, String manageUrl, String calendarUrl, ChallengePick pick,
                           List<Window> confirmWindows) {

  public ShownBooking {
    confirmWindows = List.copyOf(confirmWindows);
  }

  static ShownBooking of(Booking booking, Fair fair, BookingLinks links) {
    return new ShownBooking(booking, fair, links.manage(booking.token()), links.calendar(booking.feedToken()), null,
        List.of());
  }

  ShownBooking with(ChallengePick newPick, List<Window> windows) {
    return new ShownBooking(booking, fair, manageUrl, calendarUrl, newPick, windows);
  }

  public JsonObject toJson() {
    return BookingJson.of(this);
  }
}
