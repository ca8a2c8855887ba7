package fr.parcours.stand;

import fr.parcours.fair.DayPart;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.Interval;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandPeriodTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void aDayOpenAroundLunchSplitsAtHalfPastTwelve() {
    FairDay day = new FairDay(LocalDate.of(2027, 3, 18), LocalTime.of(8, 30), LocalTime.of(17, 0));
    Interval morning = StandPeriod.MORNING.on(day, PARIS);
    assertEquals(OffsetDateTime.parse("2027-03-18T08:30+01:00"), morning.start());
    assertEquals(OffsetDateTime.parse("2027-03-18T12:30+01:00"), morning.end());
    assertEquals(OffsetDateTime.parse("2027-03-18T12:30+01:00"), StandPeriod.AFTERNOON.on(day, PARIS).start());
    assertEquals(OffsetDateTime.parse("2027-03-18T17:00+01:00"), StandPeriod.DAY.on(day, PARIS).end());
  }

  @Test
  void aDayNotOpenOnBothSidesOfHalfPastTwelveSplitsAtItsMiddle() {
    FairDay afternoonOnly = new FairDay(LocalDate.of(2027, 6, 3), LocalTime.of(13, 0), LocalTime.of(18, 0));
    assertEquals(LocalTime.of(15, 30), DayPart.split(afternoonOnly));
    assertEquals(OffsetDateTime.parse("2027-06-03T15:30+02:00"), StandPeriod.MORNING.on(afternoonOnly, PARIS).end());
  }

  @Test
  void theWholeDayOverlapsEachHalfAndTheHalvesDoNotOverlap() {
    assertTrue(StandPeriod.DAY.overlaps(StandPeriod.MORNING));
    assertTrue(StandPeriod.AFTERNOON.overlaps(StandPeriod.DAY));
    assertTrue(StandPeriod.MORNING.overlaps(StandPeriod.MORNING));
    assertFalse(StandPeriod.MORNING.overlaps(StandPeriod.AFTERNOON));
  }
}
