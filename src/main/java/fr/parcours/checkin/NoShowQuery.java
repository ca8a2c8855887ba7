package fr.parcours.checkin;

import fr.parcours.booking.CheckInCode;
import fr.parcours.web.JsonInput;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Which no-shows are meant: the day (optional when the fair has one), the cut-off time, and for
 * a release the classes' codes (all the no-shows when none are named).
 */
public record NoShowQuery(LocalDate day, LocalTime cutoff, List<Long> bookingIds) {

  public static NoShowQuery parse(JsonInput in) {
    LocalDate day = in.optionalDate("day");
    LocalTime cutoff = in.requiredTime("cutoff");
    List<String> codes = in.optionalTextList("codes");
    List<Long> ids = codes == null ? null : codes.stream().map(code -> CheckInCode.parse(code).orElse(-1L)).toList();
    if (ids != null) {
      in.check(!ids.contains(-1L), "codes", "CHECK_IN_CODE", Map.of());
    }
    in.validate();
    return new NoShowQuery(day, cutoff, ids);
  }
}
