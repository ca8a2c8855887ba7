package fr.parcours.booking;

import fr.parcours.error.AppException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BookingRulesTest {

  @Test
  void theRatioSaysHowManyAdultsAreMissing() {
    BookingRules rules = new BookingRules(15, null, null, null, null, null);
    assertEquals(0, rules.missingAdults(30, 2));
    assertEquals(1, rules.missingAdults(31, 2));
    assertEquals(3, rules.missingAdults(31, 0));
    assertEquals(0, new BookingRules(null, null, null, null, null, null).missingAdults(100, 0));
    assertEquals("TOO_FEW_ADULTS", assertThrows(AppException.class, () -> rules.requireSupervision(31, 2)).code());
  }

  @Test
  void capsCountTheSchoolsBookingsOverallAndPerTrack() {
    Map<Long, SchoolCaps.Usage> usage = Map.of(1L, new SchoolCaps.Usage(1, 25), 2L, new SchoolCaps.Usage(1, 20));
    SchoolCaps.check(new BookingRules(null, null, 80, 3, null, null), usage, 1L, 30);
    assertCapped(new BookingRules(null, null, 70, null, null, null), usage, 1L, 30);
    assertCapped(new BookingRules(null, null, null, 2, null, null), usage, 3L, 10);
    assertCapped(new BookingRules(null, null, null, null, null, 1), usage, 2L, 10);
    SchoolCaps.check(new BookingRules(null, null, null, null, null, 1), usage, 3L, 10);
    assertCapped(new BookingRules(null, null, null, null, 40, null), usage, 1L, 20);
  }

  private static void assertCapped(BookingRules rules, Map<Long, SchoolCaps.Usage> usage, long track, int pupils) {
    AppException refused = assertThrows(AppException.class, () -> SchoolCaps.check(rules, usage, track, pupils));
    assertEquals("SCHOOL_CAP_REACHED", refused.code());
  }
}
