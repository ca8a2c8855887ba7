package fr.parcours.allocation;

import fr.parcours.allocation.Allocation.Placed;
import fr.parcours.booking.BookingRules;
import fr.parcours.booking.Need;
import fr.parcours.booking.RouteFinder;
import fr.parcours.booking.SchoolCaps;
import fr.parcours.booking.SchoolCaps.Usage;
import fr.parcours.booking.Timetable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The round rule, checked on an outcome by replaying its placements in order: when a school gets
 * its n-th class in the phase open to everyone, no school with fewer than n-1 classes could still
 * place a request (on a track it accepts, in one of its windows, under its caps); and at the end
 * no unplaced request fits anywhere. Classes placed in a share's phase are kept before the others
 * and are exempt: the share put them first on purpose.
 */
final class Fairness {
  private final Supply supply;
  private final Map<Long, ClassRequest> requests = new HashMap<>();
  private final Map<Long, Timetable> timetables = new HashMap<>();
  private final Map<String, Map<Long, Usage>> usage = new HashMap<>();
  private final Set<Long> taken = new HashSet<>();

  private Fairness(Supply supply, List<ClassRequest> requests) {
    this.supply = supply;
    requests.forEach(r -> this.requests.put(r.id(), r));
    supply.tracks().forEach(t -> timetables.put(t.id(), t.timetable()));
  }

  static boolean holds(Supply supply, List<ClassRequest> requests, Allocation allocation) {
    return new Fairness(supply, requests).replay(allocation);
  }

  private boolean replay(Allocation allocation) {
    // Places only shrink, so a check at a round's first class holds for the rest of the round.
    int checked = 1;
    for (Placed placed : allocation.placed()) {
      int nth = count(placed.school()) + 1;
      if (placed.round() != nth) {
        return false;
      }
      if (placed.share() == null && nth > checked) {
        checked = nth;
        if (pending().anyMatch(other -> count(other.school()) < nth - 1 && fits(other))) {
          return false;
        }
      }
      take(placed);
    }
    return pending().noneMatch(this::fits);
  }

  private java.util.stream.Stream<ClassRequest> pending() {
    return requests.values().stream().filter(r -> !taken.contains(r.id()));
  }

  private int count(String school) {
    return usage.getOrDefault(school, Map.of()).values().stream().mapToInt(Usage::classes).sum();
  }

  private boolean fits(ClassRequest request) {
    BookingRules rules = supply.rules();
    return rules.missingAdults(request.pupils(), request.adults()) == 0
        && timetables.keySet().stream()
        .filter(id -> request.anyOther() || request.choices().contains(id))
        .filter(id -> SchoolCaps.refusal(rules, usage.getOrDefault(request.school(), Map.of()), id,
            request.pupils()).isEmpty())
        .anyMatch(id -> request.windows().stream().anyMatch(w -> RouteFinder.find(timetables.get(id),
            new Need(w.start(), w.end(), request.people(), supply.changeoverMinutes())).isPresent()));
  }

  private void take(Placed placed) {
    ClassRequest request = requests.get(placed.requestId());
    taken.add(request.id());
    timetables.compute(placed.trackId(), (id, t) -> t.reserve(placed.route(), request.people()));
    usage.computeIfAbsent(request.school(), s -> new HashMap<>())
        .merge(placed.trackId(), new Usage(1, request.pupils()), Usage::plus);
  }
}
