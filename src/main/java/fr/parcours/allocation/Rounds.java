package fr.parcours.allocation;

import fr.parcours.allocation.Allocation.Placed;
import fr.parcours.allocation.Allocation.Reason;
import fr.parcours.allocation.Allocation.Unplaced;
import fr.parcours.booking.Need;
import fr.parcours.booking.Route;
import fr.parcours.booking.RouteFinder;
import fr.parcours.booking.SchoolCaps;
import fr.parcours.booking.SchoolCaps.Usage;
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
    Set<String> stuck = new HashSet<>();
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
      boolean moved = false;
      for (String school : turn) {
        if (served.contains(school)) {
          continue;
        }
        if (repairs && repairOne(school, fewest + 1)) {
          moved = true;
        } else {
          stuck.add(school);
        }
      }
      if (moved) {
        // A class moved: room may have opened where a stuck school had none.
        stuck.clear();
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
   * another track it accepts. The moved class keeps its place; only its route changes.
   */
  private boolean makeRoom(ClassRequest request, Option option, int round) {
    long trackId = option.trackId();
    for (Placed held : List.copyOf(placed.values())) {
      if (held.trackId() != trackId) {
        continue;
      }
      ClassRequest other = byId.get(held.requestId());
      Timetable released = timetables.get(trackId).release(held.route().sessionIds(), other.people());
      for (int window = 0; window < request.windows().size(); window++) {
        Optional<Route> route = RouteFinder.find(released, need(request, request.windows().get(window)));
        if (route.isEmpty()) {
          continue;
        }
        Optional<Placed> moved = rehome(other, held, released.reserve(route.get(), request.people()));
        if (moved.isPresent()) {
          move(other, held, moved.get(), released);
          place(request, option, round, window, route.get());
          return true;
        }
      }
    }
    return false;
  }

  /** Another route for a placed class, with {@code track} its track's timetable without it. */
  private Optional<Placed> rehome(ClassRequest request, Placed held, Timetable track) {
    Optional<Placed> same = routeOn(request, held, held.trackId(), held.choice(), track);
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
              timetables.get(option.trackId()));
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

  private void move(ClassRequest request, Placed from, Placed to, Timetable released) {
    timetables.put(from.trackId(), released);
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
