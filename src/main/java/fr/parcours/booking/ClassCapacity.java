package fr.parcours.booking;

import fr.parcours.fair.Interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many classes a track can host, counted in whole routes and not in seats: classes of the
 * track's usual size book one after another, each taking the route the booking form's
 * {@link RouteFinder} would give it (one session per activity, apart by the changeover, inside
 * the class's window, with room for the class; the earliest end, then the least loaded), until
 * no window finds one. Windows take turns, the one furthest behind its share going first, so a
 * whole-day window does not starve the halves. The same search as RouteFinder's over primitive
 * arrays: the solver asks it on every move ({@code ClassCapacityTest} checks both agree).
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
    Day day = Day.of(activities, sessions, classSize, changeoverMinutes);
    if (day == null) {
      return hosted;
    }
    for (int next = nextWindow(hosted, closed, windows, limits); next >= 0;
         next = nextWindow(hosted, closed, windows, limits)) {
      Interval period = windows.get(next).period();
      if (day.book(period.start().toEpochSecond(), period.end().toEpochSecond())) {
        hosted[next]++;
      } else {
        closed[next] = true;
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

  /** A track's sessions as arrays, grouped by activity, with the people each holds so far. */
  private static final class Day {
    private final long[] start;
    private final long[] end;
    private final int[] capacity;
    private final int[] booked;
    private final long[] ids;
    private final int[][] byActivity;
    private final int people;
    private final long changeover;
    private final int[] chosen;
    private int[] best;
    private long bestEnd;
    private double bestLoad;
    private long bestStarts;

    private Day(List<SessionSlot> sorted, int[][] byActivity, int people, long changeover) {
      int n = sorted.size();
      start = new long[n];
      end = new long[n];
      capacity = new int[n];
      booked = new int[n];
      ids = new long[n];
      for (int i = 0; i < n; i++) {
        SessionSlot s = sorted.get(i);
        start[i] = s.startsAt().toEpochSecond();
        end[i] = s.endsAt().toEpochSecond();
        capacity[i] = s.capacity();
        booked[i] = s.booked();
        ids[i] = s.id();
      }
      this.byActivity = byActivity;
      this.people = people;
      this.changeover = changeover;
      this.chosen = new int[byActivity.length];
    }

    /** Null when no class can be hosted at all: no class size, or an activity without sessions. */
    static Day of(Collection<String> activities, List<SessionSlot> sessions, int classSize, int changeoverMinutes) {
      if (classSize <= 0 || activities.isEmpty()) {
        return null;
      }
      // RouteFinder's order: candidates by start, ties in list order (here by id, so the count never depends on order).
      List<SessionSlot> sorted = sessions.stream()
          .sorted(Comparator.comparing(SessionSlot::startsAt).thenComparingLong(SessionSlot::id)).toList();
      Map<String, List<Integer>> indices = new LinkedHashMap<>();
      activities.stream().sorted().forEach(activity -> indices.put(activity, new ArrayList<>()));
      for (int i = 0; i < sorted.size(); i++) {
        List<Integer> of = indices.get(sorted.get(i).activity());
        if (of != null) {
          of.add(i);
        }
      }
      if (indices.values().stream().anyMatch(List::isEmpty)) {
        return null;
      }
      int[][] byActivity = indices.values().stream()
          .map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
      return new Day(sorted, byActivity, classSize, changeoverMinutes * 60L);
    }

    /** Books one class on its preferred route inside [from, to); false when none fits. */
    boolean book(long from, long to) {
      best = null;
      extend(0, from, to);
      if (best == null) {
        return false;
      }
      for (int i : best) {
        booked[i] += people;
      }
      return true;
    }

    private void extend(int depth, long from, long to) {
      if (depth == chosen.length) {
        consider();
        return;
      }
      for (int c : byActivity[depth]) {
        if (start[c] >= from && end[c] <= to && capacity[c] - booked[c] >= people && apart(depth, c)
            && (best == null || end[c] <= bestEnd)) {
          chosen[depth] = c;
          extend(depth + 1, from, to);
        }
      }
    }

    private boolean apart(int depth, int c) {
      for (int i = 0; i < depth; i++) {
        int o = chosen[i];
        if (end[o] + changeover > start[c] && end[c] + changeover > start[o]) {
          return false;
        }
      }
      return true;
    }

    /** RouteFinder's preference: earliest end, then least loaded fullest session, then earliest starts, then ids. */
    private void consider() {
      long routeEnd = Long.MIN_VALUE;
      double load = 0;
      long starts = 0;
      for (int c : chosen) {
        routeEnd = Math.max(routeEnd, end[c]);
        load = Math.max(load, (booked[c] + people) / (double) Math.max(capacity[c], 1));
        starts += start[c];
      }
      int order = best == null ? -1 : Long.compare(routeEnd, bestEnd);
      if (order == 0) {
        order = Double.compare(load, bestLoad);
      }
      if (order == 0) {
        order = Long.compare(starts, bestStarts);
      }
      if (order == 0) {
        order = idOrder();
      }
      if (order < 0) {
        best = chosen.clone();
        bestEnd = routeEnd;
        bestLoad = load;
        bestStarts = starts;
      }
    }

    /** RouteFinder compares the routes' session ids (in time order) as text, last. */
    private int idOrder() {
      return routeIds(chosen).compareTo(routeIds(best));
    }

    private String routeIds(int[] route) {
      return Arrays.stream(route).boxed().sorted(Comparator.comparingLong((Integer c) -> start[c]))
          .map(c -> ids[c]).toList().toString();
    }
  }
}
