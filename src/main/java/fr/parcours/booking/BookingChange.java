package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.i18n.Field;
import fr.parcours.web.JsonInput;

import java.time.LocalTime;
import java.util.Map;

/** A teacher's PATCH: any of headcount and window; what it does not name stays as it was. */
public record BookingChange(Integer pupils, Integer adults, LocalTime arrival, LocalTime departure) {

  public static BookingChange parse(JsonInput in) {
    BookingChange change = new BookingChange(in.optionalInt("pupils", 1, BookingRequest.MAX_PUPILS),
        in.optionalInt("adults", 0, BookingRequest.MAX_ADULTS),
        in.optionalTime("arrival"), in.optionalTime("departure"));
    in.validate();
    return change;
  }

  /** The booking's request once changed; a window turned upside down is a 400 on departure. */
  public BookingRequest applyTo(BookingRequest current) {
    BookingRequest changed = current.with(
        pupils == null ? current.pupils() : pupils,
        adults == null ? current.adults() : adults,
        arrival == null ? current.arrival() : arrival,
        departure == null ? current.departure() : departure);
    if (!changed.departure().isAfter(changed.arrival())) {
      throw AppException.invalid("departure", "AFTER", Map.of("other", Field.of("arrival")));
    }
    return changed;
  }
}
