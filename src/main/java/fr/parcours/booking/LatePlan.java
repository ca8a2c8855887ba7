package fr.parcours.booking;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a late class goes once its bus comes at a new time: its route if it still fits; else a
 * whole route in the new window keeping the sessions it can still reach; else those sessions
 * alone (it misses the others); else nothing (too late for any of its sessions).
 */
record LatePlan(Route route, boolean complete, List<SessionSlot> missed) {

  static Optional<LatePlan> of(Timetable withoutOwn, Route held, Need need) {
    if (RouteFinder.holds(withoutOwn, held, need)) {
      return Optional.of(new LatePlan(held, true, List.of()));
    }
    List<SessionSlot> reachable = held.sessions().stream()
        .filter(s -> !s.startsAt().isBefore(need.from()) && !s.endsAt().isAfter(need.to())).toList();
    Set<String> keptActivities = reachable.stream().map(SessionSlot::activity).collect(Collectors.toSet());
    Set<Long> keptIds = reachable.stream().map(SessionSlot::id).collect(Collectors.toSet());
    Timetable keeping = new Timetable(withoutOwn.sessions().stream()
        .filter(s -> !keptActivities.contains(s.activity()) || keptIds.contains(s.id())).toList());
    Optional<Route> whole = RouteFinder.find(keeping, need)
        .filter(route -> route.sessions().size() == withoutOwn.activities().size())
        .or(() -> RouteFinder.find(withoutOwn, need));
    if (whole.isPresent()) {
      return Optional.of(new LatePlan(whole.get(), true, List.of()));
    }
    if (reachable.isEmpty()) {
      return Optional.empty();
    }
    List<SessionSlot> missed = held.sessions().stream().filter(s -> !keptIds.contains(s.id())).toList();
    return Optional.of(new LatePlan(new Route(reachable), false, missed));
  }
}
