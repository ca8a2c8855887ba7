package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a class's route: one session of each activity, pairwise apart by the changeover,
 * all inside the window, each with room for the whole class. Among the routes that fit it
 * prefers the one that ends earliest (more free time among the stands), then the one that
 * leaves its fullest session least full (spreads the load over parallel sessions).
 * A plain search: a track has a handful of activities given a handful of times each.
 */
public final class RouteFinder {

  private RouteFinder() {
  }

  public static Optional<Route> find(Timetable timetable, Need need) {
    return search(timetable, need, false);
  }

  /** Whether any route fits: the search stops at the first one. */
  static boolean exists(Timetable timetable, Need need) {
    return search(timetable, need, true).isPresent();
  }

  private static Optional<Route> search(Timetable timetable, Need need, boolean anyRoute) {
    List<List<SessionSlot>> choices = timetable.activities().stream()
        .map(activity -> candidates(timetable, activity, need))
        .toList();
    // An activity with no session left for the class (the usual case once a track is full) ends
    // the search before it tries every combination of the others.
    if (choices.isEmpty() || choices.stream().anyMatch(List::isEmpty)) {
      return Optional.empty();
    }
    Search search = new Search(choices, need, anyRoute);
    search.extend(new ArrayList<>());
    return Optional.ofNullable(search.best);
  }

  /**
   * The route closest to {@code held} once its session {@code replacedId} changed: its other
   * sessions kept when a whole route still fits that way, any route otherwise.
   */
  public static Optional<Route> findNear(Timetable timetable, Route held, long replacedId, Need need) {
    return find(timetable.keeping(held, replacedId), need)
        .filter(route -> route.sessions().size() == timetable.activities().size())
        .or(() -> find(timetable, need));
  }

  /**
   * Whether a class may keep its route as the timetable now stands: every session still
   * scheduled, one per current activity, apart, inside the window, with room for the class.
   */
  public static boolean holds(Timetable timetable, Route route, Need need) {
    Timetable only = timetable.only(route.sessionIds());
    return only.sessions().size() == route.sessions().size()
        && only.activities().equals(timetable.activities())
        && find(only, need).isPresent();
  }

  /**
   * Refuses a request no route could ever satisfy, even on an empty track: such a booking
   * must not wait for places that will never suit it.
   */
  public static void requirePossible(Timetable timetable, Need need) {
    if (timetable.activities().isEmpty()) {
      throw AppException.conflict("TRACK_NOT_PLANNED", "track", Map.of());
    }
    Timetable empty = timetable.empty();
    if (!exists(empty, need.withPeople(0))) {
      throw AppException.unprocessable("WINDOW_TOO_SHORT", "departure", Map.of("activities", timetable.activities().size()));
    }
    if (!exists(empty, need)) {
      throw AppException.unprocessable("CLASS_TOO_LARGE", "pupils", Map.of("people", need.people()));
    }
  }

  private static List<SessionSlot> candidates(Timetable timetable, String activity, Need need) {
    return timetable.sessions().stream()
        .filter(s -> s.activity().equals(activity) && need.admits(s))
        .sorted(Comparator.comparing(SessionSlot::startsAt))
        .toList();
  }

  /** Depth-first over activities, cutting branches that already end later than the best. */
  private static final class Search {
    private final List<List<SessionSlot>> choices;
    private final Need need;
    private final Comparator<Route> preference;
    private final boolean anyRoute;
    private Route best;

    Search(List<List<SessionSlot>> choices, Need need, boolean anyRoute) {
      this.choices = choices;
      this.need = need;
      this.anyRoute = anyRoute;
      this.preference = Comparator.comparing(Route::end)
          .thenComparingDouble(route -> route.peakLoad(need.people()))
          .thenComparingLong(Route::startSum)
          .thenComparing(route -> route.sessionIds().toString());
    }

    void extend(List<SessionSlot> chosen) {
      if (chosen.size() == choices.size()) {
        Route route = new Route(chosen);
        if (best == null || preference.compare(route, best) < 0) {
          best = route;
        }
        return;
      }
      for (SessionSlot candidate : choices.get(chosen.size())) {
        if (anyRoute && best != null) {
          return;
        }
        if (fitsWith(chosen, candidate) && !endsAfterBest(candidate)) {
          chosen.add(candidate);
          extend(chosen);
          chosen.remove(chosen.size() - 1);
        }
      }
    }

    private boolean fitsWith(List<SessionSlot> chosen, SessionSlot candidate) {
      return chosen.stream().allMatch(s -> s.apartFrom(candidate, need.changeoverMinutes()));
    }

    private boolean endsAfterBest(SessionSlot candidate) {
      return best != null && candidate.endsAt().isAfter(best.end());
    }
  }
}
