package fr.parcours.booking;

import fr.parcours.calendar.CalendarLinks;

/** The absolute links a teacher gets; the token in them is the only key to the booking. */
public record BookingLinks(String publicUrl) {

  public String manage(String token) {
    return publicUrl + "/bookings/" + token;
  }

  public String calendar(String token) {
    return new CalendarLinks(publicUrl).booking(token);
  }
}
