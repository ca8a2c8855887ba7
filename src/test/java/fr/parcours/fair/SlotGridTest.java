package fr.parcours.fair;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotGridTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final FairDay DAY = new FairDay(LocalDate.of(2027, 3, 18), LocalTime.of(8, 30), LocalTime.of(17, 0));

  @Test
  void layoutsThirtyMinuteSlotsWithTenMinuteChangeovers() {
    List<Interval> slots = SlotGrid.generate(DAY, LocalTime.of(9, 0), LocalTime.of(16, 30), 30, 10, PARIS);
    assertEquals(11, slots.size());
    assertEquals("2027-03-18T09:00:00+01:00", FairTimes.format(slots.get(0).start(), PARIS));
    assertEquals("2027-03-18T09:40:00+01:00", FairTimes.format(slots.get(1).start(), PARIS));
    assertEquals("2027-03-18T16:10:00+01:00", FairTimes.format(slots.get(10).end(), PARIS));
  }

  @Test
  void aSlotMayEndExactlyAtTheLimit() {
    List<Interval> slots = SlotGrid.generate(DAY, LocalTime.of(9, 0), LocalTime.of(10, 10), 30, 10, PARIS);
    assertEquals(2, slots.size());
    assertEquals("2027-03-18T10:10:00+01:00", FairTimes.format(slots.get(1).end(), PARIS));
  }

  @Test
  void generatedSlotsNeverOverlap() {
    List<Interval> slots = SlotGrid.generate(DAY, LocalTime.of(9, 0), LocalTime.of(12, 0), 45, 0, PARIS);
    for (int i = 1; i < slots.size(); i++) {
      // Each slot starts no earlier than the one before ends.
      assertFalse(slots.get(i).start().isBefore(slots.get(i - 1).end()));
    }
    assertTrue(slots.stream().allMatch(slot -> DAY.contains(slot, PARIS)));
  }

  @Test
  void tooShortARangeGivesNoSlot() {
    assertTrue(SlotGrid.generate(DAY, LocalTime.of(9, 0), LocalTime.of(9, 20), 30, 10, PARIS).isEmpty());
  }

  @Test
  void refusesANonPositiveDuration() {
    assertThrows(IllegalArgumentException.class,
        () -> SlotGrid.generate(DAY, LocalTime.of(9, 0), LocalTime.of(12, 0), 0, 10, PARIS));
  }

  @Test
  void summerDaysCarryTheSummerOffset() {
    FairDay june = new FairDay(LocalDate.of(2027, 6, 3), LocalTime.of(9, 0), LocalTime.of(12, 0));
    Interval first = SlotGrid.generate(june, LocalTime.of(9, 0), LocalTime.of(12, 0), 30, 10, PARIS).get(0);
    assertEquals("2027-06-03T09:00:00+02:00", FairTimes.format(first.start(), PARIS));
  }
}
