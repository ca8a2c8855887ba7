package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** What a fair's settings demand of a booking: an open registration and a day the fair runs. */
final class BookingTerms {

  private BookingTerms() {
  }

  static void requireRegistrationOpen(Fair fair, Instant now) {
    if (!fair.registration().bookingsTaken()) {
      throw AppException.conflict("ALLOCATION_PENDING", Map.of("fair", fair.details().name()));
    }
    if (!fair.registrationOpen(now)) {
      throw AppException.conflict("REGISTRATION_CLOSED", Map.of("fair", fair.details().name()));
    }
  }

  /** The day a booking is for: optional when the fair has a single day. */
  static LocalDate resolveDay(Fair fair, LocalDate requested) {
    return fair.day(requested).day();
  }

}
