package fr.parcours.allocation;

import fr.parcours.allocation.Allocation.Placed;
import fr.parcours.allocation.Allocation.Reason;
import fr.parcours.allocation.Allocation.Unplaced;
import fr.parcours.booking.Need;
import fr.parcours.booking.Route;
import fr.parcours.booking.RouteFinder;
import fr.parcours.booking.SchoolCaps;
import fr.parcours.booking.SchoolCaps.Usage;
import fr.parcours.booking.SessionSlot;
import fr.parcours.booking.Timetable;
import fr.parcours.fair.Interval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the allocator's rounds over its phases (see {@link Allocator}). With
 * {@code repairs}, a school that finds no room in its turn may move one placed class to another
 * of its routes to make room; with {@code upgrades}, a placed class may give its seats to a larger
 * class of its school that fits on the same sessions. Both can break the round rule in corner
 * cases, which is why {@link Allocator} checks the outcome and runs again without them if so.
 */
final class Rounds {
  private static final Comparator<ClassRequest> SMALLER_FIRST =
      Comparator.comparingInt(ClassRequest::people).thenComparingLong(ClassRequest::id);

  /** Where a request could go in one pass: a track with its choice rank (0: any other). */
  record Option(long trackId, int choice) {
  }

  private final Supply supply;
  private final long seed;
  private final boolean repairs;
  private final List<Draw.Ticket> draw;
  private final Map<Long, Timetable> timetables = new LinkedHashMap<>();
  private final Map<Long, ClassRequest> byId = new HashMap<>();
  private final Map<String, List<ClassRequest>> pending = new HashMap<>();
  private final Map<String, Map<Long, Usage>> usage = new HashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<Long, Placed> placed = new LinkedHashMap<>();
  private final int ranks;
  /** The phase being run: its share (null: everyone) and what it may still place per track. */
  private Share share;
  private Map<Long, Integer> budget;
  /** The schools of this phase that found no room in their turn: they place nothing more in it. */
  private final Set<String> stuck = new HashSet<>();

  Rounds(Supply supply, List<ClassRequest> requests, long seed, boolean repairs) {
    this.supply = supply;
    this.seed = seed;
    this.repairs = repairs;
    supply.tracks().forEach(track -> timetables.put(track.id(), track.timetable()));
    requests.stream().sorted(SMALLER_FIRST).forEach(r -> {
      byId.put(r.id(), r);
      pending.computeIfAbsent(r.school(), school -> new ArrayList<>()).add(r);
    });
    this.draw = Draw.order(seed, pending.keySet());
    this.ranks = requests.stream().mapToInt(r -> r.choices().size()).max().orElse(0);
  }

  /** Runs the shares' phases in their order, then the phase open to everyone. */
  Rounds run(List<Share> shares) {
    Map<Long, Integer> places = new HashMap<>();
    timetables.forEach((id, timetable) -> places.put(id, timetable.placesLeft()));
    for (Share kept : shares) {
      Map<Long, Integer> allowed = new HashMap<>();
      places.forEach((id, left) -> allowed.put(id, left * kept.percent() / 100));
      phase(kept, allowed);
    }
    phase(null, null);
    return this;
  }

  private void phase(Share share, Map<Long, Integer> budget) {
    this.share = share;
    this.budget = budget;
    stuck.clear();
    while (true) {
      List<String> active = draw.stream().map(Draw.Ticket::school)
          .filter(school -> !stuck.contains(school) && !inPhase(school).isEmpty()).toList();
      if (active.isEmpty()) {
        return;
      }
      // The schools with fewest classes take their turn: round k is a school's k-th class.
      int fewest = active.stream().mapToInt(this::count).min().orElseThrow();
      List<String> turn = active.stream().filter(school -> count(school) == fewest).toList();
      Set<String> served = new HashSet<>();
      for (int pass = 1; pass <= ranks + 1; pass++) {
        for (String school : turn) {
          if (!served.contains(school) && placeOne(school, pass, fewest + 1, false)) {
            served.add(school);
          }
        }
      }
      for (String school : turn) {
        if (!served.contains(school) && !(repairs && repairOne(school, fewest + 1))) {
          stuck.add(school);
        }
      }
    }
  }

  private List<ClassRequest> inPhase(String school) {
    return pending.get(school).stream().filter(r -> share == null || share.covers(r)).toList();
  }

  private int count(String school) {
    return counts.getOrDefault(school, 0);
  }

  /** Places the school's first request that fits on its {@code pass}-th choice (past the last: any other). */
  private boolean placeOne(String school, int pass, int round, boolean makingRoom) {
    for (ClassRequest request : inPhase(school)) {
      if (supply.rules().missingAdults(request.pupils(), request.adults()) > 0) {
        continue;
      }
      for (Option option : options(request, pass)) {
        if (!capped(request, option.trackId()) && affordable(request, option.trackId())
            && (makingRoom ? makeRoom(request, option, round) : tryOn(request, option, round))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean repairOne(String school, int round) {
    for (int pass = 1; pass <= ranks + 1; pass++) {
      if (placeOne(school, pass, round, true)) {
        return true;
      }
    }
    return false;
  }

  List<Option> options(ClassRequest request, int pass) {
    if (pass <= ranks) {
      return pass <= request.choices().size() && timetables.containsKey(request.choices().get(pass - 1))
          ? List.of(new Option(request.choices().get(pass - 1), pass)) : List.of();
    }
    return request.anyOther()
        ? timetables.keySet().stream().filter(id -> !request.choices().contains(id)).map(id -> new Option(id, 0)).toList()
        : List.of();
  }

  private boolean tryOn(ClassRequest request, Option option, int round) {
    Timetable timetable = timetables.get(option.trackId());
    for (int window = 0; window < request.windows().size(); window++) {
      Optional<Route> route = RouteFinder.find(timetable, need(request, request.windows().get(window)));
      if (route.isPresent()) {
        place(request, option, round, window, route.get());
        return true;
      }
    }
    return false;
  }

  /**
   * Makes room for the request on the option's track by moving one class placed there to another
   * route: its own track first (another showing or window), else, in the phase open to everyone,
   * another track it accepts. For a school with no class yet, two classes may move. A moved class
   * keeps its place and its round; only its route changes.
   */
  private boolean makeRoom(ClassRequest request, Option option, int round) {
    List<Placed> there = placed.values().stream().filter(p -> p.trackId() == option.trackId()).toList();
    Timetable now = timetables.get(option.trackId());
    Map<Long, SessionSlot> sessions = new HashMap<>();
    now.sessions().forEach(session -> sessions.put(session.id(), session));
    List<Set<String>> lacking = request.windows().stream().map(w -> lacking(now, need(request, w))).toList();
    for (Placed held : there) {
      if (makeRoom(request, option, round, List.of(held), sessions, lacking)) {
        return true;
      }
    }
    for (int i = 0; round == 1 && i < there.size(); i++) {
      for (int j = i + 1; j < there.size(); j++) {
        if (!there.get(i).school().equals(there.get(j).school())
            && makeRoom(request, option, round, List.of(there.get(i), there.get(j)), sessions, lacking)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean makeRoom(ClassRequest request, Option option, int round, List<Placed> held,
                           Map<Long, SessionSlot> sessions, List<Set<String>> lacking) {
    long trackId = option.trackId();
    Timetable now = timetables.get(trackId);
    for (int window = 0; window < request.windows().size(); window++) {
      Need need = need(request, request.windows().get(window));
      if (!couldOpen(sessions, held, need, lacking.get(window))) {
        continue;
      }
      Timetable released = now;
      for (Placed p : held) {
        released = released.release(p.route().sessionIds(), byId.get(p.requestId()).people());
      }
      Optional<Route> route = RouteFinder.find(released, need);
      if (route.isEmpty()) {
        continue;
      }
      Map<Long, Timetable> scratch = new HashMap<>(timetables);
      scratch.put(trackId, released.reserve(route.get(), request.people()));
      Map<Long, Placed> moves = new LinkedHashMap<>();
      for (Placed p : held) {
        ClassRequest other = byId.get(p.requestId());
        Optional<Placed> moved = rehome(other, p, scratch);
        if (moved.isEmpty()) {
          break;
        }
        moves.put(p.requestId(), moved.get());
        scratch.compute(moved.get().trackId(), (id, t) -> t.reserve(moved.get().route(), other.people()));
      }
      if (moves.size() == held.size() && !opensRoomForStuck(trackId, held, moves, request, route.get())) {
        timetables.put(trackId, released);
        moves.values().forEach(this::move);
        place(request, option, round, window, route.get());
        return true;
      }
    }
    return false;
  }

  /** The track's activities with no showing in the need's window that has room for it now. */
  private static Set<String> lacking(Timetable timetable, Need need) {
    Set<String> lacking = new HashSet<>(timetable.activities());
    timetable.sessions().stream().filter(s -> admits(need, s, s.left())).forEach(s -> lacking.remove(s.activity()));
    return lacking;
  }

  private static boolean admits(Need need, SessionSlot session, int left) {
    return !session.startsAt().isBefore(need.from()) && !session.endsAt().isAfter(need.to()) && left >= need.people();
  }

  /**
   * Whether taking the held classes off their sessions could leave room for the need: each
   * activity that has no showing with room now must gain one. A cheap test before any search.
   */
  private boolean couldOpen(Map<Long, SessionSlot> sessions, List<Placed> held, Need need, Set<String> lacking) {
    Map<Long, Integer> freed = new HashMap<>();
    held.forEach(p -> p.route().sessionIds().forEach(id -> freed.merge(id, byId.get(p.requestId()).people(), Integer::sum)));
    for (String activity : lacking) {
      boolean opens = false;
      for (Map.Entry<Long, Integer> gain : freed.entrySet()) {
        SessionSlot session = sessions.get(gain.getKey());
        opens |= session.activity().equals(activity) && admits(need, session, session.left() + gain.getValue());
      }
      if (!opens) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the moves would open room, as the round rule replays it, for a school stuck earlier:
   * replayed, a stuck school with m classes faces the classes of rounds up to m+1 on their final
   * routes, and must still find none. Only the track the classes leave gains room.
   */
  private boolean opensRoomForStuck(long trackId, List<Placed> held, Map<Long, Placed> moves, ClassRequest newcomer,
                                    Route newcomersRoute) {
    for (String school : stuck) {
      int upTo = count(school) + 1;
      if (held.stream().allMatch(p -> p.round() > upTo && p.share() == null)) {
        continue;
      }
      Timetable replayed = replayed(trackId, upTo, moves, newcomer, newcomersRoute);
      for (ClassRequest request : inPhase(school)) {
        if (accepted(request).contains(trackId) && !capped(request, trackId)
            && supply.rules().missingAdults(request.pupils(), request.adults()) == 0
            && request.windows().stream().anyMatch(w -> RouteFinder.find(replayed, need(request, w)).isPresent())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The track as the replay shows it before round {@code upTo + 1}, once the classes moved. */
  private Timetable replayed(long trackId, int upTo, Map<Long, Placed> moves, ClassRequest newcomer,
                             Route newcomersRoute) {
    Timetable timetable = supply.tracks().stream().filter(t -> t.id() == trackId).findFirst().orElseThrow().timetable();
    for (Placed p : placed.values()) {
      Placed now = moves.getOrDefault(p.requestId(), p);
      if (now.trackId() == trackId && (now.share() != null || now.round() <= upTo)) {
        timetable = timetable.reserve(now.route(), byId.get(now.requestId()).people());
      }
    }
    return count(newcomer.school()) + 1 <= upTo ? timetable.reserve(newcomersRoute, newcomer.people()) : timetable;
  }

  /** Another route for a placed class, its own sessions free in {@code scratch}. */
  private Optional<Placed> rehome(ClassRequest request, Placed held, Map<Long, Timetable> scratch) {
    Optional<Placed> same = routeOn(request, held, held.trackId(), held.choice(), scratch.get(held.trackId()));
    if (same.isPresent() || held.share() != null || share != null) {
      return same;
    }
    Map<Long, Usage> without = new HashMap<>(usage.get(request.school()));
    without.computeIfPresent(held.trackId(), (id, u) -> new Usage(u.classes() - 1, u.pupils() - request.pupils()));
    for (int pass = 1; pass <= ranks + 1; pass++) {
      for (Option option : options(request, pass)) {
        if (option.trackId() != held.trackId() && SchoolCaps.refusal(supply.rules(), without, option.trackId(),
            request.pupils()).isEmpty()) {
          Optional<Placed> elsewhere = routeOn(request, held, option.trackId(), option.choice(),
              scratch.get(option.trackId()));
          if (elsewhere.isPresent()) {
            return elsewhere;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Placed> routeOn(ClassRequest request, Placed held, long trackId, int choice, Timetable timetable) {
    for (int window = 0; window < request.windows().size(); window++) {
      Optional<Route> route = RouteFinder.find(timetable, need(request, request.windows().get(window)));
      if (route.isPresent()) {
        return Optional.of(new Placed(held.requestId(), held.school(), held.round(), trackId, choice, window,
            route.get(), held.pupils(), held.share()));
      }
    }
    return Optional.empty();
  }

  /** Puts a placed class on its new route; its old sessions are already released. */
  private void move(Placed to) {
    ClassRequest request = byId.get(to.requestId());
    Placed from = placed.get(to.requestId());
    timetables.compute(to.trackId(), (id, timetable) -> timetable.reserve(to.route(), request.people()));
    if (to.trackId() != from.trackId()) {
      Map<Long, Usage> school = usage.get(request.school());
      school.computeIfPresent(from.trackId(), (id, u) -> new Usage(u.classes() - 1, u.pupils() - request.pupils()));
      school.merge(to.trackId(), new Usage(1, request.pupils()), Usage::plus);
    }
    placed.put(request.id(), to);
  }

  private void place(ClassRequest request, Option option, int round, int window, Route route) {
    timetables.compute(option.trackId(), (id, timetable) -> timetable.reserve(route, request.people()));
    usage.computeIfAbsent(request.school(), school -> new HashMap<>())
        .merge(option.trackId(), new Usage(1, request.pupils()), Usage::plus);
    pending.get(request.school()).remove(request);
    counts.merge(request.school(), 1, Integer::sum);
    if (budget != null) {
      budget.merge(option.trackId(), -request.people(), Integer::sum);
    }
    placed.put(request.id(), new Placed(request.id(), request.school(), round, option.trackId(), option.choice(),
        window, route, request.pupils(), share));
  }

  private boolean capped(ClassRequest request, long trackId) {
    return SchoolCaps.refusal(supply.rules(), usage.getOrDefault(request.school(), Map.of()), trackId,
        request.pupils()).isPresent();
  }

  /** Whether the phase's share still has room on the track for the class (always, open to everyone). */
  private boolean affordable(ClassRequest request, long trackId) {
    return budget == null || budget.getOrDefault(trackId, 0) >= request.people();
  }

  private Need need(ClassRequest request, Interval window) {
    return new Need(window.start(), window.end(), request.people(), supply.changeoverMinutes());
  }

  /**
   * Gives a placed class's seats to a larger class of its school when the larger one fits on the
   * very same sessions (a track and a window it accepts, room for the extra people, the caps):
   * more pupils, the same classes per school, and no session any emptier for anyone else. The
   * smaller class is left out only if it then fits nowhere. Classes of a share's phase stay.
   */
  Rounds upgrade() {
    for (Placed held : List.copyOf(placed.values())) {
      if (held.share() != null) {
        continue;
      }
      ClassRequest small = byId.get(held.requestId());
      List<ClassRequest> larger = pending.get(held.school()).stream()
          .filter(big -> big.pupils() > small.pupils()).sorted(SMALLER_FIRST.reversed()).toList();
      for (ClassRequest big : larger) {
        if (swap(held, small, big)) {
          break;
        }
      }
    }
    return this;
  }

  private boolean swap(Placed held, ClassRequest small, ClassRequest big) {
    long trackId = held.trackId();
    int rank = big.choices().indexOf(trackId) + 1;
    int window = windowHolding(big, held.route());
    Map<Long, Usage> without = new HashMap<>(usage.get(small.school()));
    without.computeIfPresent(trackId, (id, u) -> new Usage(u.classes() - 1, u.pupils() - small.pupils()));
    Timetable before = timetables.get(trackId);
    int extra = big.people() - small.people();
    boolean room = before.only(held.route().sessionIds()).sessions().stream().allMatch(s -> s.left() >= extra);
    if ((rank == 0 && !big.anyOther()) || window < 0 || !room
        || supply.rules().missingAdults(big.pupils(), big.adults()) > 0
        || SchoolCaps.refusal(supply.rules(), without, trackId, big.pupils()).isPresent()) {
      return false;
    }
    Map<Long, Usage> was = usage.get(small.school());
    usage.put(small.school(), without);
    without.merge(trackId, new Usage(1, big.pupils()), Usage::plus);
    timetables.put(trackId, before.reserve(held.route(), extra));
    if (fitsAnywhere(small) || fitsWhenReplayed(small)) {
      usage.put(small.school(), was);
      timetables.put(trackId, before);
      return false;
    }
    List<ClassRequest> waiting = pending.get(small.school());
    waiting.remove(big);
    waiting.add(small);
    waiting.sort(SMALLER_FIRST);
    placed.remove(small.id());
    placed.put(big.id(), new Placed(big.id(), big.school(), held.round(), trackId, rank, window, held.route(),
        big.pupils(), null));
    return true;
  }

  /** The first of the request's windows that holds the whole route, or -1. */
  private static int windowHolding(ClassRequest request, Route route) {
    for (int w = 0; w < request.windows().size(); w++) {
      Interval window = request.windows().get(w);
      if (route.sessions().stream().allMatch(s -> !s.startsAt().isBefore(window.start())
          && !s.endsAt().isAfter(window.end()))) {
        return w;
      }
    }
    return -1;
  }

  /**
   * Whether the class left out would find room where the round rule replays it: a school with m
   * classes, while another has m+2, faces the classes of rounds up to m+1 only.
   */
  private boolean fitsWhenReplayed(ClassRequest request) {
    int upTo = count(request.school()) + 1;
    if (counts.values().stream().noneMatch(c -> c > upTo)) {
      return false;
    }
    return accepted(request).stream().anyMatch(id -> !capped(request, id) && request.windows().stream()
        .anyMatch(w -> RouteFinder.find(replayed(id, upTo), need(request, w)).isPresent()));
  }

  private Timetable replayed(long trackId, int upTo) {
    Timetable timetable = supply.tracks().stream().filter(t -> t.id() == trackId).findFirst().orElseThrow().timetable();
    for (Placed p : placed.values()) {
      if (p.trackId() == trackId && (p.share() != null || p.round() <= upTo)) {
        timetable = timetable.reserve(p.route(), byId.get(p.requestId()).people());
      }
    }
    return timetable;
  }

  private boolean fitsAnywhere(ClassRequest request) {
    return accepted(request).stream().anyMatch(id -> !capped(request, id) && request.windows().stream()
        .anyMatch(w -> RouteFinder.find(timetables.get(id), need(request, w)).isPresent()));
  }

  /** The outcome: classes placed by phase, round and draw; the others in draw order, with why. */
  Allocation allocation(List<Share> shares) {
    Map<String, Integer> position = new HashMap<>();
    draw.forEach(ticket -> position.put(ticket.school(), position.size()));
    List<Placed> ordered = placed.values().stream()
        .sorted(Comparator.comparingInt((Placed p) -> p.share() == null ? shares.size() : shares.indexOf(p.share()))
            .thenComparingInt(Placed::round).thenComparingInt(p -> position.get(p.school())))
        .toList();
    List<Unplaced> unplaced = draw.stream().flatMap(ticket -> pending.get(ticket.school()).stream()
            .map(request -> new Unplaced(request.id(), request.school(), reason(request))))
        .toList();
    return new Allocation(seed, draw, ordered, unplaced);
  }

  private Reason reason(ClassRequest request) {
    if (supply.rules().missingAdults(request.pupils(), request.adults()) > 0) {
      return Reason.TOO_FEW_ADULTS;
    }
    List<Long> couldHost = accepted(request).stream().filter(id -> request.windows().stream()
        .anyMatch(window -> RouteFinder.find(timetables.get(id).empty(), need(request, window)).isPresent())).toList();
    if (couldHost.isEmpty()) {
      return Reason.ALLOCATION_NEVER_FITS;
    }
    return couldHost.stream().allMatch(id -> capped(request, id)) ? Reason.SCHOOL_CAP_REACHED : Reason.ALLOCATION_FULL;
  }

  private List<Long> accepted(ClassRequest request) {
    return timetables.keySet().stream().filter(id -> request.anyOther() || request.choices().contains(id)).toList();
  }
}
