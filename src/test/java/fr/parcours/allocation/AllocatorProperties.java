package fr.parcours.allocation;

import fr.parcours.allocation.Allocation.Placed;
import fr.parcours.booking.BookingRules;
import fr.parcours.booking.Need;
import fr.parcours.booking.RouteFinder;
import fr.parcours.booking.SchoolCaps;
import fr.parcours.booking.SchoolCaps.Usage;
import fr.parcours.booking.SessionSlot;
import fr.parcours.booking.Timetable;
import fr.parcours.fair.Interval;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static fr.parcours.allocation.AllocatorTest.NINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The allocator over random small fairs and demands, checked by replaying what it placed, in
 * its order, against the booking domain's own rules (RouteFinder, SchoolCaps).
 */
class AllocatorProperties {

  record Fair(Supply supply, List<ClassRequest> requests, List<Share> shares, long seed) {

    Allocation allocate() {
      return Allocator.allocate(supply, requests, shares, seed);
    }
  }

  /** Each placed route is whole (one session per activity, in its window, apart) and has room when taken. */
  @Property
  void capacityIsNeverExceededAndEveryRouteIsWhole(@ForAll("fairs") Fair fair) {
    Replay replay = new Replay(fair);
    for (Placed placed : fair.allocate().placed()) {
      ClassRequest request = replay.request(placed.requestId());
      Timetable timetable = replay.timetables.get(placed.trackId());
      Need need = replay.need(request, request.windows().get(placed.window()));
      List<SessionSlot> route = placed.route().sessions();
      assertEquals(timetable.activities(), route.stream().map(SessionSlot::activity).sorted().toList(), "whole route");
      for (SessionSlot session : route) {
        SessionSlot now = timetable.sessions().stream().filter(s -> s.id() == session.id()).findFirst().orElseThrow();
        assertTrue(now.left() >= request.people(), "room in " + now);
        assertFalse(now.startsAt().isBefore(need.from()) || now.endsAt().isAfter(need.to()), "inside the window");
      }
      assertTrue(apart(route, need.changeoverMinutes()), "sessions apart by the changeover");
      assertTrue(accepts(request, placed), "a track the request accepts, with its rank");
      replay.take(placed, request);
    }
    replay.timetables.values().forEach(t -> t.sessions().forEach(s -> assertTrue(s.booked() <= s.capacity(), s.toString())));
  }

  /**
   * When a school gets its n-th class, no school with fewer than n-1 could still place one; at
   * the end no unplaced request fits anywhere; each class placed says its school's round. A
   * share's phase comes first and is exempt: placing its group first is its purpose.
   */
  @Property
  void noSchoolIsTwoClassesAheadOfOneThatCouldStillPlace(@ForAll("fairs") Fair fair) {
    Allocation allocation = fair.allocate();
    Replay replay = new Replay(fair);
    for (Placed placed : allocation.placed()) {
      int nth = replay.count(placed.school()) + 1;
      assertEquals(nth, placed.round(), "a school's n-th class is placed in round n");
      for (ClassRequest other : replay.pending()) {
        if (placed.share() == null && replay.count(other.school()) < nth - 1) {
          assertFalse(replay.fits(other), "request " + other.id() + " could still be its school's class");
        }
      }
      replay.take(placed, replay.request(placed.requestId()));
    }
    replay.pending().forEach(left -> assertFalse(replay.fits(left), "request " + left.id() + " fits after all"));
    assertEquals(fair.requests().size(), allocation.placed().size() + allocation.unplaced().size());
  }

  /** The same seed gives the same allocation, whatever order the requests (and shares) arrived in. */
  @Property
  void theOutcomeDependsOnTheSeedAloneNotOnArrivalOrder(@ForAll("fairs") Fair fair, @ForAll long shuffle) {
    List<ClassRequest> arrived = new ArrayList<>(fair.requests());
    Collections.shuffle(arrived, new Random(shuffle));
    List<Share> saved = new ArrayList<>(fair.shares());
    Collections.shuffle(saved, new Random(shuffle));
    assertEquals(fair.allocate(), Allocator.allocate(fair.supply(), arrived, saved, fair.seed()));
    assertEquals(fair.allocate(), fair.allocate());
  }

  /**
   * A share's phase places only its group, on each track at most its percent of the places the
   * track had; its classes come before the others; and the outcome passes the allocator's own
   * check of the round rule.
   */
  @Property
  void sharesPlaceOnlyTheirGroupWithinTheirPercentAndComeFirst(@ForAll("fairs") Fair fair) {
    Allocation allocation = fair.allocate();
    Map<Share, Map<Long, Integer>> used = new HashMap<>();
    boolean open = false;
    for (Placed placed : allocation.placed()) {
      ClassRequest request = new Replay(fair).request(placed.requestId());
      open |= placed.share() == null;
      if (placed.share() != null) {
        assertFalse(open, "a share's class after the phase open to everyone");
        assertTrue(placed.share().covers(request), "in the share's group");
        assertTrue(fair.shares().contains(placed.share()));
        used.computeIfAbsent(placed.share(), s -> new HashMap<>()).merge(placed.trackId(), request.people(), Integer::sum);
      }
    }
    used.forEach((share, byTrack) -> byTrack.forEach((track, people) -> assertTrue(people <= fair.supply().tracks()
        .stream().filter(t -> t.id() == track).findFirst().orElseThrow().timetable().placesLeft() * share.percent() / 100,
        share + " on track " + track)));
    assertTrue(Fairness.holds(fair.supply(), fair.requests(), allocation));
  }

  private static boolean accepts(ClassRequest request, Placed placed) {
    int rank = request.choices().indexOf(placed.trackId()) + 1;
    return rank == placed.choice() && (rank > 0 || request.anyOther());
  }

  private static boolean apart(List<SessionSlot> route, int changeover) {
    return IntStream.range(0, route.size()).allMatch(i -> IntStream.range(0, i).allMatch(j -> {
      SessionSlot a = route.get(i);
      SessionSlot b = route.get(j);
      return !a.endsAt().plusMinutes(changeover).isAfter(b.startsAt())
          || !b.endsAt().plusMinutes(changeover).isAfter(a.startsAt());
    }));
  }

  /** The fair as the allocation's placements, taken one by one, leave it. */
  private static final class Replay {
    final Fair fair;
    final Map<Long, Timetable> timetables = new HashMap<>();
    final Map<String, Map<Long, Usage>> usage = new HashMap<>();
    final Set<Long> taken = new HashSet<>();

    Replay(Fair fair) {
      this.fair = fair;
      fair.supply().tracks().forEach(t -> timetables.put(t.id(), t.timetable()));
    }

    ClassRequest request(long id) {
      return fair.requests().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    Need need(ClassRequest request, Interval window) {
      return new Need(window.start(), window.end(), request.people(), fair.supply().changeoverMinutes());
    }

    int count(String school) {
      return usage.getOrDefault(school, Map.of()).values().stream().mapToInt(Usage::classes).sum();
    }

    List<ClassRequest> pending() {
      return fair.requests().stream().filter(r -> !taken.contains(r.id())).toList();
    }

    /** Whether the request could be placed now on a track it accepts, in one of its windows. */
    boolean fits(ClassRequest request) {
      BookingRules rules = fair.supply().rules();
      return rules.missingAdults(request.pupils(), request.adults()) == 0
          && timetables.keySet().stream()
          .filter(id -> request.anyOther() || request.choices().contains(id))
          .filter(id -> SchoolCaps.refusal(rules, usage.getOrDefault(request.school(), Map.of()), id,
              request.pupils()).isEmpty())
          .anyMatch(id -> request.windows().stream()
              .anyMatch(w -> RouteFinder.find(timetables.get(id), need(request, w)).isPresent()));
    }

    void take(Placed placed, ClassRequest request) {
      assertTrue(taken.add(request.id()), "placed once");
      timetables.compute(placed.trackId(), (id, t) -> t.reserve(placed.route(), request.people()));
      usage.computeIfAbsent(request.school(), s -> new HashMap<>())
          .merge(placed.trackId(), new Usage(1, request.pupils()), Usage::plus);
    }
  }

  @Provide
  Arbitrary<Fair> fairs() {
    return Combinators.combine(supplies(), schools().list().ofMinSize(1).ofMaxSize(6), shares(), Arbitraries.longs())
        .as((supply, schools, shares, seed) -> new Fair(supply, numbered(schools), shares, seed));
  }

  /** None half the time, else up to three shares of 10 to 50%, at most 100% in all. */
  private static Arbitrary<List<Share>> shares() {
    Arbitrary<Share> share = Combinators.combine(Arbitraries.of(Share.Kind.values()), Arbitraries.of("6e", "3e"),
        Arbitraries.integers().between(1, 5)).as((kind, level, tenth) -> new Share(kind, level, tenth * 10));
    return Arbitraries.oneOf(Arbitraries.just(List.of()), share.list().ofMinSize(1).ofMaxSize(3)
        .uniqueElements(s -> s.kind() + ":" + s.level())
        .filter(list -> list.stream().mapToInt(Share::percent).sum() <= 100));
  }

  /** 1 to 3 tracks of 1 or 2 activities, each shown 1 to 3 times over a morning. */
  private static Arbitrary<Supply> supplies() {
    Arbitrary<List<SessionSlot>> track = Combinators.combine(Arbitraries.of("a", "b"),
            Arbitraries.integers().between(0, 8), Arbitraries.integers().between(15, 70))
        .as((activity, start, capacity) -> new SessionSlot(0, activity, activity, "room",
            NINE.plusMinutes(start * 20L), NINE.plusMinutes(start * 20L + 30), capacity, 0))
        .list().ofMinSize(1).ofMaxSize(5);
    Arbitrary<Integer> cap = Arbitraries.integers().between(1, 3).injectNull(0.6);
    Arbitrary<BookingRules> rules = Combinators.combine(Arbitraries.of(15, 10).injectNull(0.3), cap,
            Arbitraries.integers().between(20, 80).injectNull(0.7), cap)
        .as((ratio, classes, pupils, perTrack) -> new BookingRules(ratio, null, pupils, classes, null, perTrack));
    return Combinators.combine(track.list().ofMinSize(1).ofMaxSize(3), rules, Arbitraries.of(0, 10))
        .as((tracks, r, changeover) -> new Supply(IntStream.range(0, tracks.size())
            .mapToObj(i -> new Supply.Track(i + 1, new Timetable(IntStream.range(0, tracks.get(i).size())
                .mapToObj(j -> withId(tracks.get(i).get(j), (i + 1) * 100L + j)).toList())))
            .toList(), r, changeover));
  }

  /** A school's 1 to 4 requests (ids are given once all schools are drawn). */
  private static Arbitrary<List<ClassRequest>> schools() {
    Arbitrary<Interval> window = Combinators.combine(Arbitraries.integers().between(0, 6),
            Arbitraries.integers().between(2, 9))
        .as((from, span) -> new Interval(NINE.plusMinutes(from * 20L), NINE.plusMinutes((from + span) * 20L)));
    Arbitrary<ClassRequest> request = Combinators.combine(Arbitraries.integers().between(8, 35),
            Arbitraries.integers().between(0, 3), window.list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.longs().between(1, 4).list().uniqueElements().ofMaxSize(3), Arbitraries.of(true, false),
            Arbitraries.of("6e", "3e"))
        .as((pupils, adults, windows, choices, anyOther, level) -> new ClassRequest(0, "", pupils, adults, windows,
            choices, anyOther, level, false, false));
    return request.list().ofMinSize(1).ofMaxSize(4);
  }

  private static List<ClassRequest> numbered(List<List<ClassRequest>> schools) {
    List<ClassRequest> all = new ArrayList<>();
    for (int s = 0; s < schools.size(); s++) {
      for (ClassRequest r : schools.get(s)) {
        // Priority education and first time belong to the school: every other school has each.
        all.add(new ClassRequest(all.size() + 1, "S" + s, r.pupils(), r.adults(), r.windows(), r.choices(), r.anyOther(),
            r.level(), s % 2 == 1, s % 4 < 2));
      }
    }
    return all;
  }

  private static SessionSlot withId(SessionSlot s, long id) {
    return new SessionSlot(id, s.activity(), s.title(), s.room(), s.startsAt(), s.endsAt(), s.capacity(), s.booked());
  }
}
