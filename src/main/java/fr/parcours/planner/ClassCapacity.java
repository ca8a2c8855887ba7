package fr.parcours.planner;

import fr.parcours.booking.Need;
import fr.parcours.booking.Route;
import fr.parcours.booking.RouteFinder;
import fr.parcours.booking.SessionSlot;
import fr.parcours.booking.Timetable;
import fr.parcours.fair.Interval;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How many classes a track can host, counted in whole routes and not in seats: classes of the
 * track's usual size book one after another, each through {@link RouteFinder} (the booking
 * form's own rule: one session per activity, apart by the changeover, inside the class's
 * window, with room for the class), until no window finds a route. Windows take turns, the one
 * furthest behind its share going first, so a whole-day window does not starve the halves.
 */
public final class ClassCapacity {

  private ClassCapacity() {
  }

  /** A window to count classes in, with the share of them it should get (any positive weight). */
  public record Window(Interval period, double weight) {
  }

  /**
   * Classes hosted in each window, in order; a window stops at its {@code limit} (use
   * {@link #unlimited} for "as many as the rooms allow"). A route takes one session of each of
   * {@code activities}: none is hosted while one of them has no session.
   */
  public static int[] perWindow(Collection<String> activities, List<SessionSlot> sessions, int classSize,
                                int changeoverMinutes, List<Window> windows, int[] limits) {
    int[] hosted = new int[windows.size()];
    boolean[] closed = new boolean[windows.size()];
    if (sessions.isEmpty() || classSize <= 0
        || !sessions.stream().map(SessionSlot::activity).toList().containsAll(activities)) {
      return hosted;
    }
    // Ties between parallel sessions are broken by id: the count never depends on list order.
    Timetable timetable = new Timetable(sessions.stream().sorted(Comparator.comparingLong(SessionSlot::id)).toList());
    for (int next = nextWindow(hosted, closed, windows, limits); next >= 0;
         next = nextWindow(hosted, closed, windows, limits)) {
      Interval period = windows.get(next).period();
      Optional<Route> route = RouteFinder.find(timetable,
          new Need(period.start(), period.end(), classSize, changeoverMinutes));
      if (route.isEmpty()) {
        closed[next] = true;
      } else {
        timetable = timetable.reserve(route.get(), classSize);
        hosted[next]++;
      }
    }
    return hosted;
  }

  /** The open window furthest behind its weight, or -1 when every window is closed or at its limit. */
  private static int nextWindow(int[] hosted, boolean[] closed, List<Window> windows, int[] limits) {
    int best = -1;
    double bestRatio = Double.MAX_VALUE;
    for (int i = 0; i < hosted.length; i++) {
      if (closed[i] || hosted[i] >= limits[i]) {
        continue;
      }
      double ratio = (hosted[i] + 1) / Math.max(windows.get(i).weight(), 1e-9);
      if (ratio < bestRatio) {
        best = i;
        bestRatio = ratio;
      }
    }
    return best;
  }

  /** Every window unlimited. */
  public static int[] unlimited(int windows) {
    int[] limits = new int[windows];
    Arrays.fill(limits, Integer.MAX_VALUE);
    return limits;
  }
}
