package fr.parcours.booking;

import fr.parcours.calendar.CalendarLinks;

/** The absolute links a teacher gets; the manage token in them is the only key to the booking. */
public record BookingLinks(String publicUrl) {

  /** Where a teacher manages a booking: {@code /manage/{token}}. */
  public static final String MANAGE = "/manage/";

  /** The class's check-in QR code, below its manage page: {@code /manage/{token}/check-in.svg}. */
  public static final String CHECK_IN_QR = "/check-in.svg";

  public String manage(String token) {
    return publicUrl + MANAGE + token;
  }

  public String checkInQr(String token) {
    return manage(token) + CHECK_IN_QR;
  }

  /** The class's calendar feed, by its own token: it reads the route and can change nothing. */
  public String calendar(String feedToken) {
    return new CalendarLinks(publicUrl).booking(feedToken);
  }
}
