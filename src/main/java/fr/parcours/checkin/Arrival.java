package fr.parcours.checkin;

import fr.parcours.booking.CheckInCode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A confirmed class as the entrance sees it: who is expected, and who came (null until checked
 * in; the time in the fair's zone).
 */
public record Arrival(long bookingId, String school, String uai, String city, String className, String level,
                      String track, LocalDate day, LocalTime arrival, LocalTime departure,
                      int pupilsBooked, int adultsBooked, OffsetDateTime checkedInAt, Integer pupils, Integer adults) {

  public String code() {
    return CheckInCode.of(bookingId);
  }

  public boolean checkedIn() {
    return checkedInAt != null;
  }

  public int pupilsPresent() {
    return checkedIn() ? pupils : 0;
  }

  public int adultsPresent() {
    return checkedIn() ? adults : 0;
  }
}
