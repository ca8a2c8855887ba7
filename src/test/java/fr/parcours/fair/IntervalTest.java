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
  void overlapIsSymmetric() {
    assertTrue(between("09:00", "09:30").overlaps(between("09:20", "09:50")));
    assertTrue(between("09:20", "09:50").overlaps(between("09:00", "09:30")));
  }

  @Test
  void backToBackPeriodsDoNotOverlap() {
    assertFalse(between("09:00", "09:30").overlaps(between("09:30", "10:00")));
  }

  @Test
  void sameInstantInOtherOffsetsStillOverlaps() {
    Interval utc = new Interval(OffsetDateTime.parse("2027-03-18T08:10:00Z"), OffsetDateTime.parse("2027-03-18T08:20:00Z"));
    assertTrue(between("09:00", "09:30").overlaps(utc));
  }

  @Test
  void reversedOrEmptyPeriodsAreDetected() {
    assertTrue(between("10:00", "09:00").isEmptyOrReversed());
    assertTrue(between("10:00", "10:00").isEmptyOrReversed());
    assertFalse(between("09:00", "10:00").isEmptyOrReversed());
  }
}
