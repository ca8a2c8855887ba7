package fr.parcours.booking;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Venue;
import fr.parcours.i18n.Dates;
import fr.parcours.mail.Letter;
import fr.parcours.mail.Message;

import java.util.List;
import java.util.Map;

/**
 * The emails a teacher receives about a booking, in the booking's language only (the one of
 * the page or Accept-Language it was made with, else the fair's). Texts: {@code mail_booking_…}.
 */
final class BookingMessages {

  /** Why we write: the kind names the message in logs and its subject and opening in the catalogue. */
  enum Notice {
    CONFIRMED("booking_confirmed"),
    WAITLISTED("booking_waitlisted"),
    PROMOTED("booking_promoted"),
    CHANGED("booking_changed"),
    CANCELLED("booking_cancelled"),
    REROUTED("booking_rerouted"),
    BUMPED("booking_bumped"),
    /** Placed by the fair's allocation (#17) on the route it gave. */
    ALLOCATED("booking_allocated"),
    /** Not placed by the allocation: waiting on its first choice, in draw order. */
    ALLOCATION_WAITLISTED("booking_allocation_waitlisted"),
    OFFER_EXPIRED("booking_offer_expired");

    final String kind;

    Notice(String kind) {
      this.kind = kind;
    }
  }

  private BookingMessages() {
  }

  /** {@code venues}: where the class goes (its route's buildings, else the fair's). */
  static Message of(Notice notice, Booking booking, Fair fair, List<Venue> venues, BookingLinks links) {
    BookingRequest r = booking.request();
    Letter letter = Letter.in(booking.language())
        .line("mail_hello_name", Map.of("name", r.teacher().name())).blank()
        .line("mail_" + notice.kind + "_opening").blank()
        .line("mail_booking_track", Map.of("fair", fair.details().name(), "track", booking.trackName(), "day", r.day()))
        .line("mail_booking_class", Map.of("school", r.school().name(), "class", r.group().name(),
            "pupils", r.pupils(), "adults", r.adults()));
    if (booking.offeredUntil() != null) {
      letter.line("mail_booking_offer", Map.of("deadline", Dates.dateTime(letter.language(),
          booking.offeredUntil().atZoneSameInstant(fair.zone()).toLocalDateTime())));
    }
    if (booking.waitlistPosition() != null) {
      letter.line("mail_booking_waitlist_position", Map.of("position", booking.waitlistPosition()));
    }
    // A cancelled booking has nowhere to go and nothing left to change: no venue, no manage link.
    boolean ended = notice == Notice.CANCELLED || notice == Notice.OFFER_EXPIRED;
    if (!ended) {
      venues.forEach(venue -> letter.line("mail_venue", Map.of("name", venue.name(), "address", venue.address(),
          "city", venue.city())));
    }
    if (!booking.route().sessions().isEmpty()) {
      letter.blank().line("mail_booking_route");
      booking.route().sessions().forEach(s -> letter.data("  "
          + FairTimes.clock(s.startsAt(), fair.zone(), letter.language()) + "–"
          + FairTimes.clock(s.endsAt(), fair.zone(), letter.language()) + "  " + s.titleAndRoom()));
      letter.line("mail_booking_route_end");
    }
    if (!ended) {
      // The entrance checks a class in by this code: whoever holds a confirmed place gets it with every news.
      if (booking.is(Booking.CONFIRMED)) {
        letter.blank().line("mail_booking_check_in", Map.of("code", CheckInCode.of(booking.id()),
            "link", links.checkInQr(booking.token())));
      }
      letter.blank().line("mail_booking_manage", Map.of("link", links.manage(booking.token())));
      // The feed's own token: a calendar app may share or log its URL, and it can change nothing.
      if (!booking.route().sessions().isEmpty()) {
        letter.line("mail_booking_calendar", Map.of("link", links.calendar(booking.feedToken())));
      }
    }
    return letter.to(r.teacher().email(), notice.kind, "mail_" + notice.kind + "_subject",
        Map.of("class", r.group().name(), "fair", fair.details().name()));
  }
}
