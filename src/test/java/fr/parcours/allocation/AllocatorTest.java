package fr.parcours.allocation;

import fr.parcours.allocation.Allocation.Placed;
import fr.parcours.allocation.Allocation.Reason;
import fr.parcours.booking.BookingRules;
import fr.parcours.booking.SessionSlot;
import fr.parcours.booking.Timetable;
import fr.parcours.fair.Interval;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocatorTest {

  static final OffsetDateTime NINE = OffsetDateTime.parse("2027-01-14T09:00:00+01:00");
  static final Interval MORNING = new Interval(NINE, NINE.plusHours(3));
  private static final BookingRules NO_CAPS = BookingRules.DEFAULT;

  @Test
  void aSchoolGetsNoSecondClassWhileAnotherThatAskedHasNone() {
    // Room for two classes of 22: whatever the draw, each school gets one.
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 50)));
    List<ClassRequest> requests = List.of(request(1, "A", 20, 2), request(2, "A", 20, 2), request(3, "B", 20, 2));
    LongStream.range(0, 20).forEach(seed -> {
      Allocation allocation = Allocator.allocate(supply, requests, seed);
      assertEquals(Map.of("A", 1L, "B", 1L), perSchool(allocation), "seed " + seed);
      assertEquals(List.of(Reason.ALLOCATION_FULL), reasons(allocation));
    });
  }

  @Test
  void aSchoolWhoseOnlyChoiceFilledUpGetsItWhenAnotherClassCanMoveToItsSecondChoice() {
    // Drawn first, A takes track 1; B wants track 1 only. A's class moves to its second choice
    // so that B gets one, rather than A getting two and B none.
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 25)), track(2, room(2, "a", 0, 25)));
    List<ClassRequest> requests = List.of(request(1, "A", 20, List.of(1L, 2L), false),
        request(2, "A", 20, List.of(1L, 2L), false), request(3, "B", 20, List.of(1L), false));
    LongStream.range(0, 20).forEach(seed -> {
      Allocation allocation = Allocator.allocate(supply, requests, seed);
      assertEquals(Map.of("A", 1L, "B", 1L), perSchool(allocation), "seed " + seed);
      assertTrue(allocation.placed().stream().anyMatch(p -> p.requestId() == 3 && p.trackId() == 1));
    });
  }

  @Test
  void everySchoolsFirstChoiceIsTriedBeforeAnySecondOne() {
    // Tried school by school, A then B would leave C, which wants only track 2, nothing.
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 25)), track(2, room(2, "a", 0, 25)));
    List<ClassRequest> requests = List.of(request(1, "A", 20, List.of(1L, 2L), false),
        request(2, "B", 20, List.of(1L, 2L), false), request(3, "C", 20, List.of(2L), false));
    LongStream.range(0, 20).forEach(seed -> {
      Allocation allocation = Allocator.allocate(supply, requests, seed);
      assertEquals(2, allocation.firstChoices(), "seed " + seed);
      assertTrue(allocation.placed().stream().anyMatch(p -> p.requestId() == 3 && p.trackId() == 2));
    });
  }

  @Test
  void anyOtherTrackComesAfterTheRankedChoices() {
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 25)), track(2, room(2, "a", 0, 25)));
    List<ClassRequest> requests = List.of(request(1, "A", 20, List.of(2L, 1L), false),
        request(2, "B", 20, List.of(2L), true));
    LongStream.range(0, 20).forEach(seed -> {
      Allocation allocation = Allocator.allocate(supply, requests, seed);
      assertEquals(2, allocation.placed().size());
      Map<Long, Placed> byRequest = allocation.placed().stream().collect(Collectors.toMap(Placed::requestId, p -> p));
      Placed b = byRequest.get(2L);
      assertEquals(b.trackId() == 2 ? 1 : 0, b.choice(), "B on track 1 came through any other");
      assertEquals(b.trackId() == 2 ? 2 : 1, byRequest.get(1L).choice());
    });
  }

  @Test
  void aRequestWithoutAnyOtherWaitsRatherThanTakingATrackItDidNotChoose() {
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 25)), track(2, room(2, "a", 0, 25)));
    Allocation allocation = Allocator.allocate(supply, List.of(
        request(1, "A", 20, List.of(1L), false), request(2, "B", 20, List.of(1L), false)), 3);
    assertEquals(1, allocation.placed().size());
    assertEquals(1L, allocation.placed().get(0).trackId());
    assertEquals(List.of(Reason.ALLOCATION_FULL), reasons(allocation));
  }

  @Test
  void aLaterWindowIsTakenWhenThePreferredOneIsFull() {
    SessionSlot fullMorning = new SessionSlot(1, "a", "a", "room", NINE, NINE.plusMinutes(30), 25, 20);
    Supply supply = supply(NO_CAPS, track(1, fullMorning, room(2, "a", 200, 25)));
    Interval afternoon = new Interval(NINE.plusMinutes(180), NINE.plusMinutes(300));
    ClassRequest either = new ClassRequest(1, "B", 20, 2, List.of(MORNING, afternoon), List.of(1L), false);
    Placed placed = Allocator.allocate(supply, List.of(either), 11).placed().get(0);
    assertEquals(1, placed.window());
    assertEquals(List.of(2L), placed.route().sessionIds());
  }

  @Test
  void aSchoolsSmallerClassesGoFirstSoRoomsPackBetter() {
    // 22 + 22 fill a 50-seat room better than 32 alone, which leaves room for no class of 22.
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 50)));
    Allocation allocation = Allocator.allocate(supply, List.of(request(1, "A", 30, 2), request(2, "A", 20, 2),
        request(3, "A", 20, 2)), 5);
    assertEquals(List.of(2L, 3L), allocation.placed().stream().map(Placed::requestId).toList());
    assertEquals(40, allocation.pupilsPlaced());
  }

  @Test
  void aSharesGroupIsServedFirstWithinItsPercentThenEveryoneTakesWhatIsLeft() {
    // Room for two classes of 22; half of it is kept for priority education, so B always gets one.
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 60)));
    ClassRequest rep = new ClassRequest(2, "B", 20, 2, List.of(MORNING), List.of(1L), false, "3e", true, false);
    List<ClassRequest> requests = List.of(request(1, "A", 20, 2), rep, request(3, "C", 20, 2));
    Share share = Share.of(Share.Kind.PRIORITY_EDUCATION, 50);
    LongStream.range(0, 20).forEach(seed -> {
      Allocation allocation = Allocator.allocate(supply, requests, List.of(share), seed);
      assertEquals(2, allocation.placed().size(), "seed " + seed);
      assertEquals(new Placed(2, "B", 1, 1, 1, 0, allocation.placed().get(0).route(), 20, share),
          allocation.placed().get(0), "the share's phase comes first");
      assertEquals(null, allocation.placed().get(1).share());
    });
  }

  @Test
  void aShareKeepsNoMoreThanItsPercentAndItsUnusedPlacesGoToEveryone() {
    // 30% of 60 is 18 places: too few for a class of 22, which then competes with everyone.
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 60)));
    ClassRequest rep = new ClassRequest(2, "B", 20, 2, List.of(MORNING), List.of(1L), false, "3e", true, false);
    Allocation allocation = Allocator.allocate(supply, List.of(request(1, "A", 20, 2), rep),
        List.of(Share.of(Share.Kind.PRIORITY_EDUCATION, 30)), 7);
    assertEquals(2, allocation.placed().size());
    assertTrue(allocation.placed().stream().allMatch(p -> p.share() == null));
  }

  @Test
  void saysWhyARequestWasLeftOut() {
    BookingRules oneClass = new BookingRules(15, null, null, 1, null, null);
    Supply supply = supply(oneClass, track(1, room(1, "a", 0, 60), room(2, "a", 60, 60)));
    Allocation allocation = Allocator.allocate(supply, List.of(
        request(1, "A", 20, 2), request(2, "A", 18, 2),
        request(3, "B", 90, 6),
        request(4, "C", 30, 0)), 1);
    Map<Long, Reason> why = allocation.unplaced().stream()
        .collect(Collectors.toMap(Allocation.Unplaced::requestId, Allocation.Unplaced::reason));
    // A's smaller class was placed first, then gave its sessions to the larger one: more pupils.
    assertEquals(Map.of(2L, Reason.SCHOOL_CAP_REACHED, 3L, Reason.ALLOCATION_NEVER_FITS, 4L, Reason.TOO_FEW_ADULTS), why);
    assertEquals(java.util.Set.of("B", "C"), allocation.schoolsWithNone());
  }

  @Test
  void aPlacedClassGivesItsSessionsToALargerClassOfItsSchoolThatFitsThere() {
    // Rooms of 40 hold one class whatever its size: the school's 30 pupils go rather than its 20.
    Supply supply = supply(NO_CAPS, track(1, room(1, "a", 0, 40)));
    Allocation allocation = Allocator.allocate(supply, List.of(request(1, "A", 20, 2), request(2, "A", 30, 2)), 4);
    assertEquals(List.of(2L), allocation.placed().stream().map(Placed::requestId).toList());
    assertEquals(30, allocation.pupilsPlaced());
  }

  @Test
  void theDrawIsTheSha256OfSeedAndUaiAndChangesWithTheSeed() {
    assertEquals("234891bd7eacd27b8228920c3c1826541a6213ad30991b90a807ae2efcec8cc2", Draw.ticket(42, "0330001A"));
    List<String> schools = List.of("0330001A", "0330002B", "0330003C", "0330004D", "0330005E");
    List<Draw.Ticket> draw = Draw.order(42, schools);
    assertEquals(draw.stream().map(Draw.Ticket::digest).sorted().toList(), draw.stream().map(Draw.Ticket::digest).toList());
    assertNotEquals(draw.stream().map(Draw.Ticket::school).toList(),
        Draw.order(43, schools).stream().map(Draw.Ticket::school).toList());
  }

  // Fixtures, shared with the properties.

  static Supply supply(BookingRules rules, Supply.Track... tracks) {
    return new Supply(List.of(tracks), rules, 10);
  }

  static Supply.Track track(long id, SessionSlot... sessions) {
    return new Supply.Track(id, new Timetable(List.of(sessions)));
  }

  /** A 30-minute session of {@code activity} starting {@code start} minutes after nine. */
  static SessionSlot room(long id, String activity, int start, int capacity) {
    return new SessionSlot(id, activity, activity, "room", NINE.plusMinutes(start), NINE.plusMinutes(start + 30L),
        capacity, 0);
  }

  static ClassRequest request(long id, String school, int pupils, int adults) {
    return new ClassRequest(id, school, pupils, adults, List.of(MORNING), List.of(1L), false);
  }

  static ClassRequest request(long id, String school, int pupils, List<Long> choices, boolean anyOther) {
    return new ClassRequest(id, school, pupils, 2, List.of(MORNING), choices, anyOther);
  }

  private static Map<String, Long> perSchool(Allocation allocation) {
    return allocation.placed().stream().collect(Collectors.groupingBy(Placed::school, Collectors.counting()));
  }

  private static List<Reason> reasons(Allocation allocation) {
    return new ArrayList<>(allocation.unplaced().stream().map(Allocation.Unplaced::reason).toList());
  }
}
