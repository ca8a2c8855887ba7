package fr.parcours.planner;

import fr.parcours.fair.Interval;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A first programme the solver then improves, and the bench's baseline: track by track, window
 * by window, round after round, each activity short of class places gets its next session at
 * the earliest free room that breaks no hard rule, at a start no other activity of the round
 * took (a class follows them one after another), in the smallest room seating a class.
 */
final class GreedyPlacement {

  private GreedyPlacement() {
  }

  static DayPlan place(DayPlan plan) {
    List<Placement> values = plan.placements().stream()
        .sorted(Comparator.comparing(Placement::start).thenComparingInt(p -> p.room().capacity())).toList();
    List<PlannedSession> placed = new ArrayList<>(plan.sessions().stream().filter(PlannedSession::assigned).toList());
    Map<PlanActivity, List<PlannedSession>> free = plan.sessions().stream().filter(s -> !s.assigned() && !s.pinned())
        .collect(Collectors.groupingBy(PlannedSession::activity, LinkedHashMap::new, Collectors.toList()));
    for (TrackNeed track : plan.tracks()) {
      List<PlanActivity> activities = free.keySet().stream().filter(a -> a.track().equals(track)).toList();
      for (TrackNeed.Window window : track.windows()) {
        boolean progress = true;
        while (progress) {
          progress = false;
          Set<OffsetDateTime> starts = new HashSet<>();
          for (PlanActivity activity : activities) {
            if (places(track, placed, activity, window.period()) >= window.target() || free.get(activity).isEmpty()) {
              continue;
            }
            PlannedSession next = free.get(activity).get(0);
            for (Placement where : values) {
              next.place(where);
              if (window.period().contains(next.period()) && !starts.contains(where.start())
                  && allowed(next, placed, plan.openings())) {
                placed.add(next);
                free.get(activity).remove(0);
                starts.add(where.start());
                progress = true;
                break;
              }
              next.place(null);
            }
          }
        }
      }
    }
    return plan;
  }

  private static int places(TrackNeed track, List<PlannedSession> placed, PlanActivity activity, Interval window) {
    return placed.stream().filter(s -> s.activity().equals(activity) && window.contains(s.period()))
        .mapToInt(s -> s.room().classes(track.classSize())).sum();
  }

  /** The hard rules of {@link PlanConstraints}, for one more session among those placed. */
  private static boolean allowed(PlannedSession s, List<PlannedSession> placed, List<Interval> openings) {
    if (s.room().capacity() < s.activity().track().classSize() || !s.activity().equippedBy(s.room())
        || !s.activity().availableFor(s.period()) || openings.stream().noneMatch(o -> o.contains(s.period()))) {
      return false;
    }
    long together = placed.stream().filter(o -> s.activity().association() != null
        && s.activity().association().equals(o.activity().association()) && o.period().overlaps(s.period())).count();
    return together + 1 <= s.activity().people()
        && placed.stream().noneMatch(o -> o.room().equals(s.room()) && o.period().overlaps(s.period()));
  }
}
