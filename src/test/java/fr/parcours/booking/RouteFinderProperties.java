package fr.parcours.booking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RouteFinder against an exhaustive search on small days: what it finds is a whole route that a
 * class may take, and when it finds none, no combination of sessions would have done.
 */
class RouteFinderProperties {

  static final OffsetDateTime NINE = RouteFinderTest.NINE;

  @Property
  void aFoundRouteIsWholeInTheWindowApartAndHasRoom(@ForAll("days") Day day) {
    RouteFinder.find(day.timetable(), day.need())
        .ifPresent(route -> assertTrue(takeable(day.timetable(), route.sessions(), day.need()), route.toString()));
  }

  @Property
  void noRouteIsFoundOnlyWhenNoneExistsAndTheFoundOneEndsEarliest(@ForAll("days") Day day) {
    Optional<OffsetDateTime> earliestEnd = allRoutes(day.timetable(), day.need()).stream()
        .map(sessions -> new Route(sessions).end()).min(Comparator.naturalOrder());
    assertEquals(earliestEnd, RouteFinder.find(day.timetable(), day.need()).map(Route::end));
    assertEquals(earliestEnd.isPresent(), RouteFinder.exists(day.timetable(), day.need()), "the search that stops at the first");
  }

  /**
   * One session of a found route is cancelled; meanwhile other sessions may have gone and new ones
   * (of new activities too) appeared. The class gets a whole route of the new day whenever one
   * exists, and keeps its other sessions when nothing else changed and they still make a route.
   */
  @Property
  void aMovedClassKeepsItsOtherSessionsWhenTheyStillMakeARoute(@ForAll("days") Day day, @ForAll boolean changed,
                                                                @ForAll("moreSessions") Timetable added) {
    Optional<Route> held = RouteFinder.find(day.timetable(), day.need());
    if (held.isEmpty()) {
      return;
    }
    SessionSlot replaced = held.get().sessions().get(0);
    List<SessionSlot> kept = held.get().sessions().stream().filter(s -> s.id() != replaced.id()).toList();
    List<SessionSlot> sessions = new ArrayList<>(day.timetable().sessions().stream()
        .filter(s -> s.id() != replaced.id() && (!changed || s.id() % 3 != 0)).toList());
    if (changed) {
      added.sessions().forEach(s -> sessions.add(withId(s, 100 + s.id())));
    }
    Timetable now = new Timetable(sessions);
    Optional<Route> near = RouteFinder.findNear(now, held.get(), replaced.id(), day.need());

    assertEquals(allRoutes(now, day.need()).isEmpty(), near.isEmpty(), "a whole route whenever one exists");
    near.ifPresent(route -> assertTrue(takeable(now, route.sessions(), day.need()), route.toString()));
    if (!changed) {
      boolean keepingFits = allRoutes(now, day.need()).stream().anyMatch(route -> route.containsAll(kept));
      near.ifPresent(route -> assertEquals(keepingFits, route.sessions().containsAll(kept), "keeps " + kept + ", got " + route));
    }
  }

  @Property
  void releasingWhatWasReservedGivesTheTimetableBack(@ForAll("days") Day day) {
    Timetable timetable = day.timetable();
    List<SessionSlot> some = timetable.sessions().stream().filter(s -> s.id() % 2 == 1).toList();
    int people = day.need().people();
    Timetable released = timetable.reserve(new Route(some), people).release(new Route(some).sessionIds(), people);
    assertEquals(timetable, released);
    Timetable lighter = timetable.release(List.of(timetable.sessions().get(0).id()), people);
    assertEquals(timetable.sessions().get(0).booked() - people, lighter.sessions().get(0).booked());
    assertEquals(timetable.sessions().subList(1, timetable.sessions().size()),
        lighter.sessions().subList(1, lighter.sessions().size()), "the other sessions are untouched");
  }

  /** One session per activity, all of them, pairwise apart, inside the window, each with room. */
  static boolean takeable(Timetable timetable, List<SessionSlot> sessions, Need need) {
    List<String> activities = sessions.stream().map(SessionSlot::activity).sorted().toList();
    return activities.equals(timetable.activities())
        && timetable.sessions().containsAll(sessions)
        && sessions.stream().allMatch(s -> !s.startsAt().isBefore(need.from()) && !s.endsAt().isAfter(need.to())
            && s.capacity() - s.booked() >= need.people())
        && IntStream.range(0, sessions.size()).allMatch(i -> IntStream.range(0, i)
            .allMatch(j -> sessions.get(i).apartFrom(sessions.get(j), need.changeoverMinutes())));
  }

  /** Every combination of one session per activity that a class could take (none on a day without any). */
  static List<List<SessionSlot>> allRoutes(Timetable timetable, Need need) {
    List<List<SessionSlot>> combinations = timetable.activities().isEmpty() ? List.of() : List.of(List.of());
    for (String activity : timetable.activities()) {
      List<List<SessionSlot>> longer = new ArrayList<>();
      for (List<SessionSlot> prefix : combinations) {
        timetable.sessions().stream().filter(s -> s.activity().equals(activity)).forEach(s -> {
          List<SessionSlot> next = new ArrayList<>(prefix);
          next.add(s);
          longer.add(next);
        });
      }
      combinations = longer;
    }
    return combinations.stream().filter(sessions -> takeable(timetable, sessions, need)).toList();
  }

  record Day(Timetable timetable, Need need) {
  }

  @Provide
  Arbitrary<Day> days() {
    return Combinators.combine(timetables(), needs()).as(Day::new);
  }

  @Provide
  Arbitrary<Timetable> moreSessions() {
    return timetables();
  }

  /** Up to 3 activities with up to 4 showings each, on a ten-minute grid over four hours. */
  static Arbitrary<Timetable> timetables() {
    Arbitrary<SessionSlot> slot = Combinators.combine(
            Arbitraries.of("a", "b", "c"), Arbitraries.integers().between(0, 22), Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(10, 60), Arbitraries.integers().between(0, 60))
        .as((activity, start, length, capacity, booked) -> new SessionSlot(0, activity, activity, "room",
            NINE.plusMinutes(start * 10L), NINE.plusMinutes(start * 10L + length * 10L), capacity, Math.min(booked, capacity)));
    return slot.list().ofMinSize(1).ofMaxSize(10).map(slots -> new Timetable(IntStream.range(0, slots.size())
        .mapToObj(i -> withId(slots.get(i), i + 1)).toList()));
  }

  static Arbitrary<Need> needs() {
    return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(3, 25),
            Arbitraries.integers().between(1, 40), Arbitraries.of(0, 5, 10, 15))
        .as((from, span, people, changeover) -> new Need(NINE.plusMinutes(from * 10L),
            NINE.plusMinutes((from + span) * 10L), people, changeover));
  }

  private static SessionSlot withId(SessionSlot s, long id) {
    return new SessionSlot(id, s.activity(), s.title(), s.room(), s.startsAt(), s.endsAt(), s.capacity(), s.booked());
  }
}
