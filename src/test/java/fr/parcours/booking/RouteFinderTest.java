package fr.parcours.booking;

import fr.parcours.error.AppException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteFinderTest {

  static final OffsetDateTime NINE = OffsetDateTime.parse("2027-01-14T09:00:00+01:00");
  private long nextId = 1;

  @Test
  void takesTheEarliestRouteWithOneSessionPerActivityAndTheChangeover() {
    Timetable timetable = new Timetable(List.of(slot("a", 0, 30, 0), slot("a", 40, 30, 0),
        slot("b", 0, 30, 0), slot("b", 40, 30, 0), slot("b", 80, 30, 0)));
    Route route = RouteFinder.find(timetable, need(0, 200, 20, 10)).orElseThrow();
    assertEquals(List.of(0L, 40L), starts(route));
    assertEquals(List.of("a", "b"), route.sessions().stream().map(SessionSlot::activity).toList());
  }

  @Test
  void aChangeoverTooShortOrAWindowTooNarrowRulesSessionsOut() {
    Timetable timetable = new Timetable(List.of(slot("a", 0, 30, 0), slot("b", 35, 30, 0), slot("b", 80, 30, 0)));
    assertEquals(List.of(0L, 80L), starts(RouteFinder.find(timetable, need(0, 200, 20, 10)).orElseThrow()));
    assertTrue(RouteFinder.find(timetable, need(0, 100, 20, 10)).isEmpty());
    assertEquals(List.of(0L, 35L), starts(RouteFinder.find(timetable, need(0, 100, 20, 5)).orElseThrow()));
  }

  @Test
  void neverTakesTwoSessionsAtOnceNorAFullOne() {
    Timetable timetable = new Timetable(List.of(slot("a", 0, 30, 0), slot("b", 0, 30, 0),
        slot("b", 40, 30, 45), slot("b", 80, 30, 0)));
    assertEquals(List.of(0L, 80L), starts(RouteFinder.find(timetable, need(0, 200, 20, 10)).orElseThrow()));
  }

  @Test
  void aReplacedShowingMovesOnlyItsOwnActivityWhenTheRestStillFits() {
    SessionSlot a = slot("a", 0, 30, 0);
    SessionSlot cancelled = slot("b", 40, 30, 0);
    SessionSlot c = slot("c", 80, 30, 0);
    SessionSlot earlyB = slot("b", 120, 30, 0);
    SessionSlot earlierC = slot("c", 40, 30, 0);
    Route held = new Route(List.of(a, cancelled, c));
    Timetable now = new Timetable(List.of(a, c, earlyB, earlierC));

    Route moved = RouteFinder.find(now.keeping(held, cancelled.id()), need(0, 200, 20, 10)).orElseThrow();

    assertEquals(List.of(a.id(), c.id(), earlyB.id()), moved.sessionIds(), "a and c kept, only b moves");
  }

  @Test
  void aRouteHoldsUntilOneOfItsSessionsIsGoneOrNoLongerFits() {
    SessionSlot a = slot("a", 0, 30, 0);
    SessionSlot b = slot("b", 40, 30, 0);
    Route route = new Route(List.of(a, b));
    Need need = need(0, 100, 20, 10);
    assertTrue(RouteFinder.holds(new Timetable(List.of(a, b, slot("b", 80, 30, 0))), route, need));
    assertFalse(RouteFinder.holds(new Timetable(List.of(a, slot("b", 80, 30, 0))), route, need), "b cancelled");
    assertFalse(RouteFinder.holds(new Timetable(List.of(a, b, slot("c", 0, 30, 0))), route, need), "a new activity");
    SessionSlot bMovedLate = new SessionSlot(b.id(), "b", b.title(), b.room(), NINE.plusMinutes(90), NINE.plusMinutes(120),
        b.capacity(), b.booked());
    assertFalse(RouteFinder.holds(new Timetable(List.of(a, bMovedLate)), route, need), "b now ends after departure");
  }

  @Test
  void spreadsTheLoadBetweenParallelShowings() {
    SessionSlot busy = slot("a", 0, 30, 40);
    SessionSlot quiet = slot("a", 0, 30, 10);
    Route route = RouteFinder.find(new Timetable(List.of(busy, quiet)), need(0, 60, 10, 10)).orElseThrow();
    assertEquals(quiet.id(), route.sessions().get(0).id());
  }

  @Test
  void requestsThatCouldNeverFitAreRefusedWithTheirReason() {
    Timetable timetable = new Timetable(List.of(slot("a", 0, 30, 60), slot("b", 40, 30, 60)));
    AppException tooShort = assertThrows(AppException.class,
        () -> RouteFinder.requirePossible(timetable, need(0, 60, 10, 10)));
    assertEquals("WINDOW_TOO_SHORT", tooShort.code());
    AppException tooLarge = assertThrows(AppException.class,
        () -> RouteFinder.requirePossible(timetable, need(0, 120, 61, 10)));
    assertEquals("CLASS_TOO_LARGE", tooLarge.code());
    RouteFinder.requirePossible(timetable, need(0, 120, 60, 10));
    assertEquals(Optional.empty(), RouteFinder.find(timetable, need(0, 120, 60, 10)), "possible, but full now");
  }

  @Test
  void theWaitingListIsServedInOrderSkippingWhoStillDoesNotFit() {
    Timetable timetable = new Timetable(List.of(slot("a", 0, 30, 40), slot("a", 40, 30, 50)));
    List<Waitlist.Entry> queue = new ArrayList<>(List.of(
        new Waitlist.Entry(1, need(0, 200, 25, 10)),
        new Waitlist.Entry(2, need(0, 200, 15, 10)),
        new Waitlist.Entry(3, need(0, 200, 10, 10)),
        new Waitlist.Entry(4, need(0, 200, 5, 10))));
    List<Waitlist.Promotion> promoted = Waitlist.promote(timetable, queue);
    assertEquals(List.of(2L, 3L, 4L), promoted.stream().map(Waitlist.Promotion::bookingId).toList());
    assertEquals(List.of(0L, 40L, 0L), promoted.stream().map(p -> minutes(p.route().sessions().get(0))).toList());
  }

  private SessionSlot slot(String activity, int startMinute, int minutes, int booked) {
    return new SessionSlot(nextId++, activity, activity, "room", NINE.plusMinutes(startMinute),
        NINE.plusMinutes(startMinute + minutes), 60, booked);
  }

  static Need need(int fromMinute, int toMinute, int people, int changeover) {
    return new Need(NINE.plusMinutes(fromMinute), NINE.plusMinutes(toMinute), people, changeover);
  }

  private static List<Long> starts(Route route) {
    return route.sessions().stream().map(RouteFinderTest::minutes).toList();
  }

  private static long minutes(SessionSlot slot) {
    return java.time.Duration.between(NINE, slot.startsAt()).toMinutes();
  }
}
