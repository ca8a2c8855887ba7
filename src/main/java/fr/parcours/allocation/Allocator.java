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
 * Places requested classes as whole routes (the booking form's {@link RouteFinder}, all or
 * nothing, under every session's capacity and the school caps), in rounds: in round k each
 * school, in draw order, may get its k-th class; a school that gets none in a round can place
 * nothing more (places only ever shrink), so no school gets a second class while another that
 * asked could still get a first. Inside a round, first choices are tried for every school before
 * second ones, and so on, "any other" track last; a school tries its smaller classes first:
 * rooms pack better (bench/AllocationBench: larger first placed about 6% fewer pupils). It is greedy, not an optimum: each rule is kept in order, and the
 * outcome is a pure function of the supply, the requests and the seed.
 */
public final class Allocator {

  private Allocator() {
  }

  public static Allocation allocate(Supply supply, List<ClassRequest> requests, long seed) {
    return new Run(supply, requests, seed).run();
  }

  /** Where a request could go in one pass: a track with its choice rank (0: any other). */
  private record Option(long trackId, int choice) {
  }

  private static final class Run {
    private static final Comparator<ClassRequest> SMALLER_FIRST =
        Comparator.comparingInt(ClassRequest::people).thenComparingLong(ClassRequest::id);

    private final Supply supply;
    private final long seed;
    private final List<Draw.Ticket> draw;
    private final Map<Long, Timetable> timetables = new LinkedHashMap<>();
    private final Map<String, List<ClassRequest>> pending = new HashMap<>();
    private final Map<String, Map<Long, Usage>> usage = new HashMap<>();
    private final List<Placed> placed = new ArrayList<>();
    private final int ranks;

    Run(Supply supply, List<ClassRequest> requests, long seed) {
      this.supply = supply;
      this.seed = seed;
      supply.tracks().forEach(track -> timetables.put(track.id(), track.timetable()));
      requests.stream().sorted(SMALLER_FIRST)
          .forEach(r -> pending.computeIfAbsent(r.school(), school -> new ArrayList<>()).add(r));
      this.draw = Draw.order(seed, pending.keySet());
      this.ranks = requests.stream().mapToInt(r -> r.choices().size()).max().orElse(0);
    }

    Allocation run() {
      List<String> active = draw.stream().map(Draw.Ticket::school).toList();
      for (int round = 1; !active.isEmpty(); round++) {
        Set<String> served = new HashSet<>();
        for (int pass = 1; pass <= ranks + 1; pass++) {
          for (String school : active) {
            if (!served.contains(school) && placeOne(school, pass, round)) {
              served.add(school);
            }
          }
        }
        active = active.stream().filter(school -> served.contains(school) && !pending.get(school).isEmpty()).toList();
      }
      return new Allocation(seed, draw, placed, unplaced());
    }

    /** Places the school's first request that fits on its {@code pass}-th choice (past the last: any other). */
    private boolean placeOne(String school, int pass, int round) {
      for (ClassRequest request : pending.get(school)) {
        if (supply.rules().missingAdults(request.pupils(), request.adults()) > 0) {
          continue;
        }
        for (Option option : options(request, pass)) {
          if (tryOn(request, option, round)) {
            return true;
          }
        }
      }
      return false;
    }

    private List<Option> options(ClassRequest request, int pass) {
      if (pass <= ranks) {
        return pass <= request.choices().size() && timetables.containsKey(request.choices().get(pass - 1))
            ? List.of(new Option(request.choices().get(pass - 1), pass)) : List.of();
      }
      return request.anyOther()
          ? timetables.keySet().stream().filter(id -> !request.choices().contains(id)).map(id -> new Option(id, 0)).toList()
          : List.of();
    }

    private boolean tryOn(ClassRequest request, Option option, int round) {
      if (capped(request, option.trackId())) {
        return false;
      }
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

    private void place(ClassRequest request, Option option, int round, int window, Route route) {
      timetables.compute(option.trackId(), (id, timetable) -> timetable.reserve(route, request.people()));
      usage.computeIfAbsent(request.school(), school -> new HashMap<>())
          .merge(option.trackId(), new Usage(1, request.pupils()), Usage::plus);
      pending.get(request.school()).remove(request);
      placed.add(new Placed(request.id(), request.school(), round, option.trackId(), option.choice(), window, route,
          request.pupils()));
    }

    private boolean capped(ClassRequest request, long trackId) {
      return SchoolCaps.refusal(supply.rules(), usage.getOrDefault(request.school(), Map.of()), trackId,
          request.pupils()).isPresent();
    }

    private Need need(ClassRequest request, Interval window) {
      return new Need(window.start(), window.end(), request.people(), supply.changeoverMinutes());
    }

    /** What is left, in draw order: the order a waiting list takes them in. */
    private List<Unplaced> unplaced() {
      return draw.stream().flatMap(ticket -> pending.get(ticket.school()).stream()
              .map(request -> new Unplaced(request.id(), request.school(), reason(request))))
          .toList();
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
}
