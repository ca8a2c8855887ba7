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
}
