package fr.parcours.booking;

import fr.parcours.calendar.CalendarLinks;

/** The absolute links a teacher gets; the token in them is the only key to the booking. */
public record BookingLinks(String publicUrl) {

  /** Where a teacher manages a booking: {@code /manage/{token}}. */
  public static final String MANAGE = "/manage/";

  public String manage(String token) {
    return publicUrl + MANAGE + token;
  }

  public String calendar(String token) {
    return new CalendarLinks(publicUrl).booking(token);
  }
}
