package fr.parcours.planner;

import fr.parcours.fair.Interval;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A first programme the solver then improves, and the bench's baseline. Class after class,
 * windows taking turns, each track's next class gets a whole route: one session per activity,
 * the changeover apart, inside its window, each an existing session with a class place left or a
 * new one in the largest free room of a slot that breaks no hard rule. The route opening the
 * fewest new sessions wins, then the one ending first. A window stops at its demand or when no
 * route fits.
 */
final class GreedyPlacement {

  private GreedyPlacement() {
  }

  static DayPlan place(DayPlan plan) {
    List<OffsetDateTime> starts = plan.placements().stream().map(Placement::start).distinct().sorted().toList();
    Map<OffsetDateTime, List<Placement>> bySlot = plan.placements().stream()
        .sorted(Comparator.comparingInt((Placement p) -> -p.room().capacity()).thenComparing(p -> p.room().slug()))
        .collect(Collectors.groupingBy(Placement::start, LinkedHashMap::new, Collectors.toList()));
    Day day = new Day(plan, starts, bySlot);
    for (TrackNeed track : plan.tracks()) {
      day.fill(track);
    }
    return plan;
  }

  /** What is placed so far, with the classes each placed session already takes. */
  private static final class Day {
    private final List<Interval> openings;
    private final List<OffsetDateTime> starts;
    private final Map<OffsetDateTime, List<Placement>> bySlot;
    private final List<PlannedSession> placed = new ArrayList<>();
    private final Map<PlannedSession, Integer> classes = new HashMap<>();
    private final Map<PlanActivity, List<PlannedSession>> free;
    private final Map<PlanActivity, List<PlannedSession>> ofActivity;

    Day(DayPlan plan, List<OffsetDateTime> starts, Map<OffsetDateTime, List<Placement>> bySlot) {
      this.openings = plan.openings();
      this.starts = starts;
      this.bySlot = bySlot;
      plan.sessions().stream().filter(PlannedSession::assigned).forEach(placed::add);
      this.free = plan.sessions().stream().filter(s -> !s.assigned() && !s.pinned())
          .collect(Collectors.groupingBy(PlannedSession::activity, LinkedHashMap::new, Collectors.toList()));
      this.ofActivity = plan.sessions().stream()
          .collect(Collectors.groupingBy(PlannedSession::activity, LinkedHashMap::new, Collectors.toList()));
    }

    void fill(TrackNeed track) {
      List<PlanActivity> activities = ofActivity.keySet().stream().filter(a -> a.track().equals(track)).toList();
      if (activities.isEmpty()) {
        return;
      }
      int windows = track.windows().size();
      int[] hosted = new int[windows];
      boolean[] closed = new boolean[windows];
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int w = 0; w < windows; w++) {
          TrackNeed.Window window = track.windows().get(w);
          if (closed[w] || hosted[w] >= window.target()) {
            continue;
          }
          Route route = new Search(track, activities, window.period()).best();
          if (route == null) {
            closed[w] = true;
          } else {
            book(route);
            hosted[w]++;
            progress = true;
          }
        }
      }
    }

    private void book(Route route) {
      for (int i = 0; i < route.legs.length; i++) {
        PlannedSession session = route.legs[i];
        if (session == null) {
          session = free.get(route.activities.get(i)).remove(0);
          session.place(route.news[i]);
          placed.add(session);
        }
        classes.merge(session, 1, Integer::sum);
      }
    }

    /** One class's best route in a window, found depth first over the track's activities. */
    private final class Search {
      private final TrackNeed track;
      private final List<PlanActivity> activities;
      private final Interval window;
      private final PlannedSession[] legs;
      private final Placement[] news;
      private final Interval[] periods;
      private Route best;

      Search(TrackNeed track, List<PlanActivity> activities, Interval window) {
        this.track = track;
        this.activities = activities;
        this.window = window;
        this.legs = new PlannedSession[activities.size()];
        this.news = new Placement[activities.size()];
        this.periods = new Interval[activities.size()];
      }

      Route best() {
        extend(0, 0);
        return best;
      }

      private void extend(int depth, int opened) {
        if (best != null && opened > best.opened) {
          return;
        }
        if (depth == legs.length) {
          consider(opened);
          return;
        }
        PlanActivity activity = activities.get(depth);
        for (PlannedSession session : placed) {
          if (session.activity().equals(activity) && hasPlace(session) && fits(depth, session.period())) {
            legs[depth] = session;
            news[depth] = null;
            periods[depth] = session.period();
            extend(depth + 1, opened);
          }
        }
        if (free.getOrDefault(activity, List.of()).size() <= opensOf(activity, depth)) {
          return;
        }
        for (OffsetDateTime start : starts) {
          Interval period = new Interval(start, start.plus(activity.duration()));
          if (!fits(depth, period) || !activity.availableFor(period) || !open(period)
              || !associationFree(activity, period, depth)) {
            continue;
          }
          Placement room = largestFreeRoom(activity, period, depth);
          if (room != null) {
            legs[depth] = null;
            news[depth] = room;
            periods[depth] = period;
            extend(depth + 1, opened + 1);
          }
        }
      }

      private boolean hasPlace(PlannedSession session) {
        return session.room().classes(track.classSize()) > classes.getOrDefault(session, 0);
      }

      /** Inside the window, and the changeover apart from the route's other sessions. */
      private boolean fits(int depth, Interval period) {
        if (!window.contains(period)) {
          return false;
        }
        long changeover = track.changeoverMinutes();
        for (int i = 0; i < depth; i++) {
          if (periods[i].start().isBefore(period.end().plusMinutes(changeover))
              && period.start().isBefore(periods[i].end().plusMinutes(changeover))) {
            return false;
          }
        }
        return true;
      }

      private boolean open(Interval period) {
        return openings.stream().anyMatch(o -> o.contains(period));
      }

      /** The activity's free sessions this route already opens, before {@code depth}. */
      private int opensOf(PlanActivity activity, int depth) {
        int count = 0;
        for (int i = 0; i < depth; i++) {
          if (news[i] != null && activities.get(i).equals(activity)) {
            count++;
          }
        }
        return count;
      }

      private boolean associationFree(PlanActivity activity, Interval period, int depth) {
        if (activity.association() == null) {
          return true;
        }
        long together = placed.stream().filter(o -> activity.association().equals(o.activity().association())
            && o.period().overlaps(period)).count();
        for (int i = 0; i < depth; i++) {
          if (news[i] != null && activity.association().equals(activities.get(i).association())
              && periods[i].overlaps(period)) {
            together++;
          }
        }
        return together + 1 <= activity.people();
      }

      private Placement largestFreeRoom(PlanActivity activity, Interval period, int depth) {
        for (Placement where : bySlot.getOrDefault(period.start(), List.of())) {
          PlanRoom room = where.room();
          if (room.capacity() >= track.classSize() && activity.equippedBy(room) && roomFree(room, period, depth)) {
            return where;
          }
        }
        return null;
      }

      private boolean roomFree(PlanRoom room, Interval period, int depth) {
        for (int i = 0; i < depth; i++) {
          if (news[i] != null && news[i].room().equals(room) && periods[i].overlaps(period)) {
            return false;
          }
        }
        return placed.stream().noneMatch(o -> o.room().equals(room) && o.period().overlaps(period));
      }

      private void consider(int opened) {
        OffsetDateTime end = null;
        for (Interval period : periods) {
          end = end == null || period.end().isAfter(end) ? period.end() : end;
        }
        if (best == null || opened < best.opened || (opened == best.opened && end.isBefore(best.end))) {
          best = new Route(activities, legs.clone(), news.clone(), opened, end);
        }
      }
    }
  }

  /** A class's route: per activity an existing session ({@code legs}) or a new placement ({@code news}). */
  private record Route(List<PlanActivity> activities, PlannedSession[] legs, Placement[] news, int opened,
                       OffsetDateTime end) {
  }
}
