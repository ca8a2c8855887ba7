package fr.parcours.planner;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import fr.parcours.fair.Interval;

import java.util.List;

/**
 * The day to plan: every room at every slot start (the values), the fair's opening hours, the
 * tracks with their demand, and the possible sessions (the entities). Hard: what a programme
 * must never do; medium: classes of the demand that find no whole route; soft: the rest of the
 * organiser's preferences, in their order.
 */
@PlanningSolution
public class DayPlan {

  @ValueRangeProvider
  @ProblemFactCollectionProperty
  private List<Placement> placements;
  @ProblemFactCollectionProperty
  private List<Interval> openings;
  @ProblemFactCollectionProperty
  private List<TrackNeed> tracks;
  @PlanningEntityCollectionProperty
  private List<PlannedSession> sessions;
  @PlanningScore
  private HardMediumSoftLongScore score;

  /** For the solver's cloning. */
  DayPlan() {
  }

  public DayPlan(List<Placement> placements, List<Interval> openings, List<TrackNeed> tracks,
                 List<PlannedSession> sessions) {
    this.placements = placements;
    this.openings = openings;
    this.tracks = tracks;
    this.sessions = sessions;
  }

  public List<Placement> placements() {
    return placements;
  }

  public List<Interval> openings() {
    return openings;
  }

  public List<TrackNeed> tracks() {
    return tracks;
  }

  public List<PlannedSession> sessions() {
    return sessions;
  }

  public HardMediumSoftLongScore score() {
    return score;
  }
}
