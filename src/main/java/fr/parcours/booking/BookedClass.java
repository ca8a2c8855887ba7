package fr.parcours.booking;

import fr.parcours.fair.Fair;

/**
 * What a booking request gave its class, as the group's transaction decided it: the booking
 * (confirmed with its route, or waiting with its position), its fair and its teacher's links.
 * The API's 201 and the booking form's redirect are both made from it.
 */
public record BookedClass(Booking booking, Fair fair, String manageUrl, String calendarUrl) {

  static BookedClass of(Booking booking, Fair fair, BookingLinks links) {
    return new BookedClass(booking, fair, links.manage(booking.token()), links.calendar(booking.feedToken()));
  }

  /** The manage page's path on this server, where the form sends its teacher. */
  public String managePath() {
    return BookingLinks.MANAGE + booking.token();
  }
}
