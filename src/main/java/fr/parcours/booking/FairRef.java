package fr.parcours.booking;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.FairTimes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What bookings need to know of a fair. Read by one query of {@link BookingRepository#findFair}
 * until the fair service offers it: swap that one method when the two meet.
 */
public record FairRef(long id, String slug, String name, boolean published, long ownerId, ZoneId zone,
                      OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt,
                      int changeoverMinutes, List<LocalDate> days) {

  public void requireRegistrationOpen(Instant now) {
    boolean started = registrationOpensAt == null || !now.isBefore(registrationOpensAt.toInstant());
    boolean ended = registrationClosesAt != null && !now.isBefore(registrationClosesAt.toInstant());
    if (!started || ended) {
      throw AppException.conflict("REGISTRATION_CLOSED", "Registration for " + name + " is not open now");
    }
  }

  public void requireOwner(Organiser organiser) {
    if (organiser.id() != ownerId) {
      throw AppException.forbidden("Only the fair's organiser may do this");
    }
  }

  /** The day a booking is for: optional when the fair has a single day. */
  public LocalDate resolveDay(LocalDate requested) {
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

  /** The class's window on its day, as instants, with the fair's changeover. */
  public Need need(BookingRequest request) {
    return new Need(FairTimes.at(request.day(), request.arrival(), zone),
        FairTimes.at(request.day(), request.departure(), zone), request.people(), changeoverMinutes);
  }
}
