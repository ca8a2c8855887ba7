package fr.parcours.fair;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalTest {

  private static Interval between(String start, String end) {
    return new Interval(OffsetDateTime.parse("2027-03-18T" + start + ":00+01:00"),
        OffsetDateTime.parse("2027-03-18T" + end + ":00+01:00"));
  }

  @Test
  void reversedOrEmptyPeriodsAreDetected() {
    assertTrue(between("10:00", "09:00").isEmptyOrReversed());
    assertTrue(between("10:00", "10:00").isEmptyOrReversed());
    assertFalse(between("09:00", "10:00").isEmptyOrReversed());
  }

  @Test
  void overlapNeedsASharedMomentAndTouchingEndsDoNotCount() {
    assertTrue(between("09:00", "10:00").overlaps(between("09:30", "10:30")));
    assertTrue(between("09:00", "10:00").overlaps(between("09:15", "09:45")));
    assertFalse(between("09:00", "10:00").overlaps(between("10:00", "10:30")));
    assertFalse(between("10:00", "10:30").overlaps(between("09:00", "10:00")));
  }

  @Test
  void containsTheWholeOtherPeriod() {
    assertTrue(between("09:00", "12:00").contains(between("09:00", "12:00")));
    assertTrue(between("09:00", "12:00").contains(between("10:00", "10:30")));
    assertFalse(between("09:00", "12:00").contains(between("11:45", "12:15")));
  }
}
