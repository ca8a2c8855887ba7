package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairDetails;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BookingTermsTest {

  private static final LocalDate DAY = LocalDate.of(2027, 1, 14);
  private static final OffsetDateTime OPENS = OffsetDateTime.parse("2026-11-02T09:00:00+01:00");
  private static final OffsetDateTime CLOSES = OffsetDateTime.parse("2027-01-08T18:00:00+01:00");

  @Test
  void registrationIsOpenFromItsOpeningUntilJustBeforeItsClosing() {
    Fair fair = fair(FairDetails.PUBLISHED, DAY);
    BookingTerms.requireRegistrationOpen(fair, OPENS.toInstant());
    BookingTerms.requireRegistrationOpen(fair, CLOSES.toInstant().minusSeconds(1));
    assertClosed(fair, OPENS.toInstant().minusSeconds(1));
    assertClosed(fair, CLOSES.toInstant());
  }

  @Test
  void aDraftFairTakesNoBookings() {
    assertClosed(fair(FairDetails.DRAFT, DAY), OPENS.toInstant().plusSeconds(60));
  }

  @Test
  void theDayIsOptionalOnlyWhenTheFairHasOne() {
    assertEquals(DAY, BookingTerms.resolveDay(fair(FairDetails.PUBLISHED, DAY), null));
    Fair twoDays = fair(FairDetails.PUBLISHED, DAY, DAY.plusDays(1));
    assertEquals(DAY.plusDays(1), BookingTerms.resolveDay(twoDays, DAY.plusDays(1)));
    AppException missing = assertThrows(AppException.class, () -> BookingTerms.resolveDay(twoDays, null));
    assertEquals("VALIDATION_FAILED", missing.code());
    assertEquals("day", missing.details().get(0).field());
    AppException unknown = assertThrows(AppException.class, () -> BookingTerms.resolveDay(twoDays, DAY.minusDays(1)));
    assertEquals("UNKNOWN_DAY", unknown.code());
    assertEquals("day", unknown.details().get(0).field());
  }

  @Test
  void theNeedIsTheClassWindowInTheFairsZoneWithItsChangeover() {
    BookingRequest request = new BookingRequest(null, null, null, 25, 2, "s-orienter", DAY,
        LocalTime.of(9, 0), LocalTime.of(12, 30));
    Need need = Need.of(fair(FairDetails.PUBLISHED, DAY), request);
    assertEquals(new Need(OffsetDateTime.parse("2027-01-14T09:00:00+01:00"),
        OffsetDateTime.parse("2027-01-14T12:30:00+01:00"), 27, 10), need);
  }

  private static void assertClosed(Fair fair, Instant now) {
    AppException closed = assertThrows(AppException.class, () -> BookingTerms.requireRegistrationOpen(fair, now));
    assertEquals("REGISTRATION_CLOSED", closed.code());
  }

  private static Fair fair(String status, LocalDate... days) {
    List<FairDay> fairDays = List.of(days).stream()
        .map(day -> new FairDay(day, LocalTime.of(8, 30), LocalTime.of(17, 0))).toList();
    return new Fair(1, 1, new FairDetails("teens-up", "Teen's Up", "Bordeaux", null, ZoneId.of("Europe/Paris"),
        status, OPENS, CLOSES, 10, fairDays, "fr"));
  }
}
