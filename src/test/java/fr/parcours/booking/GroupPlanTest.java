package fr.parcours.booking;

import fr.parcours.booking.BookingRepository.TrackRef;
import fr.parcours.booking.GroupPlan.Again;
import fr.parcours.booking.GroupPlan.Asked;
import fr.parcours.booking.GroupPlan.Decision;
import fr.parcours.booking.GroupPlan.Placed;
import fr.parcours.booking.GroupPlan.Refused;
import fr.parcours.booking.GroupPlan.Replayed;
import fr.parcours.db.IdempotencyKeys;
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
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A group decided in arrival order as if each booking had run alone, against one read of its tracks. */
class GroupPlanTest {

  private static final LocalDate DAY = LocalDate.of(2027, 1, 14);
  private static final OffsetDateTime NINE = OffsetDateTime.parse("2027-01-14T09:00:00+01:00");
  private static final Fair FAIR = new Fair(1, 1, new FairDetails("teens-up", "Teen's Up", "Bordeaux", null,
      ZoneId.of("Europe/Paris"), FairDetails.PUBLISHED, NINE.minusDays(30), NINE.minusDays(1), 10,
      List.of(new FairDay(DAY, LocalTime.of(8, 30), LocalTime.of(17, 0))), "fr"));
  private static final TrackRef TRACK = new TrackRef(7, "s-orienter", "S'orienter", "", 27);
  private static final Instant NOW = NINE.minusDays(2).toInstant();
  /** Two activities, one showing each, 60 places: two classes of 27 fit, the third waits. */
  private static final Timetable TIMETABLE = new Timetable(List.of(
      new SessionSlot(1, "a", "A", "Salle A", NINE, NINE.plusMinutes(30), 60, 0),
      new SessionSlot(2, "b", "B", "Salle B", NINE.plusMinutes(40), NINE.plusMinutes(70), 60, 0)));

  @Test
  void placesInArrivalOrderFromWhatThePreviousOnesLeft() {
    List<Asked> group = List.of(asked("k1", "0330001A"), asked("k2", "0330002A"), asked("k3", "0330003A"),
        asked("k4", "0330004A"));
    List<Decision> decisions = GroupPlan.decide(FAIR, BookingRules.DEFAULT, group,
        read(Set.of("k1", "k2", "k3", "k4"), Map.of(), 5, Map.of()), NOW);

    Placed first = assertInstanceOf(Placed.class, decisions.get(0));
    Placed second = assertInstanceOf(Placed.class, decisions.get(1));
    Placed third = assertInstanceOf(Placed.class, decisions.get(2));
    Placed fourth = assertInstanceOf(Placed.class, decisions.get(3));
    assertEquals(List.of(Booking.CONFIRMED, Booking.CONFIRMED, Booking.WAITLISTED, Booking.WAITLISTED),
        List.of(first.booking().status(), second.booking().status(), third.booking().status(), fourth.booking().status()));
    assertEquals(List.of(1L, 2L), first.booking().route().sessionIds());
    assertNull(first.rank());
    assertEquals(List.of(101L, 102L, 103L, 104L), decisions.stream().map(d -> ((Placed) d).booking().id()).toList());
    // Five already wait on the track: these come after them, in arrival order.
    assertEquals(6, third.booking().waitlistPosition());
    assertEquals(7, fourth.booking().waitlistPosition());
    assertTrue(third.rank() < fourth.rank());
  }

  @Test
  void theSameKeyTwiceReplaysTheFirstOrIsRefusedForAnotherBody() {
    Asked first = asked("k1", "0330001A");
    Asked again = asked("k1", "0330001A");
    Asked otherBody = new Asked("k1", "other", first.request(), TRACK, "fr");
    List<Decision> decisions = GroupPlan.decide(FAIR, BookingRules.DEFAULT, List.of(first, again, otherBody),
        read(Set.of("k1"), Map.of(), 0, Map.of()), NOW);

    Placed placed = assertInstanceOf(Placed.class, decisions.get(0));
    assertSame(placed.booking(), assertInstanceOf(Again.class, decisions.get(1)).booking());
    Refused refused = assertInstanceOf(Refused.class, decisions.get(2));
    assertEquals("IDEMPOTENCY_KEY_REUSED", refused.refusal().code());
    assertEquals(false, refused.giveBack());
  }

  @Test
  void aKeyAnEarlierTransactionHoldsReplaysItsBooking() {
    Asked asked = asked("k1", "0330001A");
    List<Decision> decisions = GroupPlan.decide(FAIR, BookingRules.DEFAULT, List.of(asked, asked(
            "k2", "0330002A")),
        read(Set.of("k2"), Map.of("k1", new IdempotencyKeys.Stored(asked.fingerprint(), 55L)), 0, Map.of()), NOW);

    assertEquals(55L, assertInstanceOf(Replayed.class, decisions.get(0)).bookingId());
    // The replay took no places: the next class gets the first route.
    assertEquals(List.of(1L, 2L), assertInstanceOf(Placed.class, decisions.get(1)).booking().route().sessionIds());
  }

  @Test
  void aRefusalGivesItsKeyBackAndLeavesTheOthersBe() {
    Asked tooMany = new Asked("k1", "f1", request("0330001A", 40, 1), TRACK, "fr");
    List<Decision> decisions = GroupPlan.decide(FAIR, BookingRules.DEFAULT,
        List.of(tooMany, tooMany, asked("k2", "0330002A")), read(Set.of("k1", "k2"), Map.of(), 0, Map.of()), NOW);

    Refused refused = assertInstanceOf(Refused.class, decisions.get(0));
    assertEquals("TOO_FEW_ADULTS", refused.refusal().code());
    assertTrue(refused.giveBack());
    Refused repeated = assertInstanceOf(Refused.class, decisions.get(1));
    assertSame(refused.refusal(), repeated.refusal());
    assertEquals(false, repeated.giveBack(), "the key is given back once");
    assertEquals(Booking.CONFIRMED, assertInstanceOf(Placed.class, decisions.get(2)).booking().status());
  }

  @Test
  void schoolCapsCountTheGroupsOwnEarlierClasses() {
    BookingRules oneClassPerTrack = new BookingRules(15, null, null, null, null, 1);
    List<Decision> decisions = GroupPlan.decide(FAIR, oneClassPerTrack,
        List.of(asked("k1", "0330001A"), asked("k2", "0330001A"), asked("k3", "0330002A")),
        read(Set.of("k1", "k2", "k3"), Map.of(), 0, Map.of()), NOW);

    assertInstanceOf(Placed.class, decisions.get(0));
    assertEquals("SCHOOL_CAP_REACHED", assertInstanceOf(Refused.class, decisions.get(1)).refusal().code());
    assertInstanceOf(Placed.class, decisions.get(2));
  }

  @Test
  void eachTrackOfTheFairPlacesFromItsOwnTimetableAndWaitingList() {
    TrackRef other = new TrackRef(8, "decouvrir", "Découvrir", "", 27);
    Timetable thirtyPlaces = new Timetable(List.of(
        new SessionSlot(3, "c", "C", "Salle C", NINE, NINE.plusMinutes(30), 30, 0)));
    List<Asked> group = List.of(asked("k1", "0330001A"), asked("k2", "0330002A", other), asked("k3", "0330003A", other),
        asked("k4", "0330004A"));
    GroupPlan.Read read = new GroupPlan.Read(Set.of("k1", "k2", "k3", "k4"), Map.of(),
        Map.of(TRACK.id(), TIMETABLE, other.id(), thirtyPlaces), Map.of(other.id(), 2), Map.of(),
        List.of(101L, 102L, 103L, 104L), List.of(901L, 902L, 903L, 904L));
    List<Decision> decisions = GroupPlan.decide(FAIR, BookingRules.DEFAULT, group, read, NOW);

    List<Booking> placed = decisions.stream().map(d -> assertInstanceOf(Placed.class, d).booking()).toList();
    assertEquals(List.of(7L, 8L, 8L, 7L), placed.stream().map(Booking::trackId).toList());
    assertEquals(List.of(Booking.CONFIRMED, Booking.CONFIRMED, Booking.WAITLISTED, Booking.CONFIRMED),
        placed.stream().map(Booking::status).toList());
    assertEquals(List.of(3L), placed.get(1).route().sessionIds());
    // The other track's two waiting classes come first; the first track's places are its own.
    assertEquals(3, placed.get(2).waitlistPosition());
    assertEquals(List.of(1L, 2L), placed.get(3).route().sessionIds());
  }

  @Test
  void schoolCapsCountTheGroupsClassesOnEveryTrack() {
    TrackRef other = new TrackRef(8, "decouvrir", "Découvrir", "", 27);
    BookingRules twoClasses = new BookingRules(15, null, null, 2, null, null);
    List<Asked> group = List.of(asked("k1", "0330001A"), asked("k2", "0330001A", other), asked("k3", "0330001A"));
    GroupPlan.Read read = new GroupPlan.Read(Set.of("k1", "k2", "k3"), Map.of(),
        Map.of(TRACK.id(), TIMETABLE, other.id(), TIMETABLE), Map.of(), Map.of(), List.of(101L, 102L, 103L),
        List.of(901L, 902L, 903L));
    List<Decision> decisions = GroupPlan.decide(FAIR, twoClasses, group, read, NOW);

    assertInstanceOf(Placed.class, decisions.get(0));
    assertInstanceOf(Placed.class, decisions.get(1));
    assertEquals("SCHOOL_CAP_REACHED", assertInstanceOf(Refused.class, decisions.get(2)).refusal().code());
  }

  private static GroupPlan.Read read(Set<String> claimed, Map<String, IdempotencyKeys.Stored> stored, int waiting,
                                     Map<String, Map<Long, SchoolCaps.Usage>> schools) {
    return new GroupPlan.Read(claimed, stored, Map.of(TRACK.id(), TIMETABLE), Map.of(TRACK.id(), waiting), schools, List.of(101L, 102L, 103L, 104L, 105L),
        List.of(901L, 902L, 903L, 904L, 905L));
  }

  private static Asked asked(String key, String uai) {
    return asked(key, uai, TRACK);
  }

  private static Asked asked(String key, String uai, TrackRef track) {
    BookingRequest request = request(uai, 25, 2, track);
    return new Asked(key, request.fingerprint(), request, track, "fr");
  }

  private static BookingRequest request(String uai, int pupils, int adults) {
    return request(uai, pupils, adults, TRACK);
  }

  private static BookingRequest request(String uai, int pupils, int adults, TrackRef track) {
    return new BookingRequest(new BookingRequest.School("Collège", uai, "Bordeaux"),
        new BookingRequest.Teacher("Mme Durand", "durand@ac-bordeaux.fr"), new BookingRequest.ClassGroup("3e A", "3e"),
        pupils, adults, track.slug(), DAY, LocalTime.of(9, 0), LocalTime.of(12, 30));
  }
}
