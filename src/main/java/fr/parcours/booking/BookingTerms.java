package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a fair's settings demand of a booking: an open registration and a day the fair runs. */
final class BookingTerms {

  private BookingTerms() {
  }

  static void requireRegistrationOpen(Fair fair, Instant now) {
    if (!fair.registrationOpen(now)) {
      throw AppException.conflict("REGISTRATION_CLOSED",
          "Registration for " + fair.details().name() + " is not open now");
    }
  }

  /** The day a booking is for: optional when the fair has a single day. */
  static LocalDate resolveDay(Fair fair, LocalDate requested) {
    List<LocalDate> days = fair.days().stream().map(FairDay::day).toList();
    if (requested == null && days.size() == 1) {
      return days.get(0);
    }
    if (requested == null) {
      throw AppException.invalid("day", "is required: this fair runs on " + days.size() + " days");
    }
    if (!days.contains(requested)) {
      throw AppException.unprocessable("UNKNOWN_DAY", "The fair does not run on " + requested,
          List.of(new FieldError("day", "is not a day of the fair")));
    }
    return requested;
  }
}
