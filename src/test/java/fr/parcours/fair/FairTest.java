package fr.parcours.fair;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FairTest {

  private static final OffsetDateTime OPENS = OffsetDateTime.parse("2027-01-04T09:00:00+01:00");
  private static final OffsetDateTime CLOSES = OffsetDateTime.parse("2027-03-01T18:00:00+01:00");

  private static Fair fair(String status) {
    FairDay day = new FairDay(LocalDate.of(2027, 3, 18), LocalTime.of(8, 30), LocalTime.of(17, 0));
    return new Fair(1, 1, new FairDetails("f", "F", "Bordeaux", "", ZoneId.of("Europe/Paris"), status,
        OPENS, CLOSES, 10, List.of(day), "fr"));
  }

  @Test
  void registrationIsOpenOnlyWithinTheWindowOfAPublishedFair() {
    Fair fair = fair(FairDetails.PUBLISHED);
    assertTrue(fair.registrationOpen(OPENS.toInstant()));
    assertFalse(fair.registrationOpen(CLOSES.toInstant()));
    assertFalse(fair.registrationOpen(Instant.parse("2027-01-01T00:00:00Z")));
    assertFalse(fair(FairDetails.DRAFT).registrationOpen(OPENS.toInstant()));
  }

  @Test
  void findsTheDayWhoseHoursHoldAPeriod() {
    Fair fair = fair(FairDetails.PUBLISHED);
    assertTrue(fair.dayContaining(new Interval(OffsetDateTime.parse("2027-03-18T08:30:00+01:00"),
        OffsetDateTime.parse("2027-03-18T17:00:00+01:00"))).isPresent());
    assertFalse(fair.dayContaining(new Interval(OffsetDateTime.parse("2027-03-18T16:45:00+01:00"),
        OffsetDateTime.parse("2027-03-18T17:15:00+01:00"))).isPresent());
  }
}
