package fr.parcours.booking;

import fr.parcours.calendar.CalendarLinks;

/** The absolute links a teacher gets; the manage token in them is the only key to the booking. */
public record BookingLinks(String publicUrl) {

  /** Where a teacher manages a booking: {@code /manage/{token}}. */
  public static final String MANAGE = "/manage/";

  public String manage(String token) {
    return publicUrl + MANAGE + token;
  }

  /** The class's calendar feed, by its own token: it reads the route and can change nothing. */
  public String calendar(String feedToken) {
    return new CalendarLinks(publicUrl).booking(feedToken);
  }
}
