package fr.parcours.planner;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import fr.parcours.fair.Interval;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One possible showing of an activity: the solver gives it a room and a start, or leaves it
 * out (unassigned: the activity is given fewer times). {@code sessionId} is the programme's
 * session it stands for, if any; {@code current} is where that session is now when the plan
 * should change the programme as little as possible; a pinned one stays where it is (a session
 * with confirmed bookings the organiser did not allow to move).
 */
@PlanningEntity
public class PlannedSession {

  @PlanningId
  private long id;
  private PlanActivity activity;
  private Long sessionId;
  private Placement current;
  @PlanningPin
  private boolean pinned;
  @PlanningVariable(allowsUnassigned = true)
  private Placement placement;

  /** For the solver's cloning. */
  PlannedSession() {
  }

  public PlannedSession(long id, PlanActivity activity, Long sessionId, Placement current, boolean pinned,
                        Placement placement) {
    this.id = id;
    this.activity = activity;
    this.sessionId = sessionId;
    this.current = current;
    this.pinned = pinned;
    this.placement = placement;
  }

  public long id() {
    return id;
  }

  public PlanActivity activity() {
    return activity;
  }

  public Long sessionId() {
    return sessionId;
  }

  public Placement placement() {
    return placement;
  }

  void place(Placement where) {
    this.placement = where;
  }

  boolean pinned() {
    return pinned;
  }

  Placement current() {
    return current;
  }

  boolean assigned() {
    return placement != null;
  }

  /** Kept where it was asked to stay (unassigned counts as a change when it was placed). */
  boolean movedFromCurrent() {
    return current != null && !Objects.equals(current, placement);
  }

  public PlanRoom room() {
    return placement.room();
  }

  public OffsetDateTime start() {
    return placement.start();
  }

  public OffsetDateTime end() {
    return placement.start().plus(activity.duration());
  }

  public Interval period() {
    return new Interval(start(), end());
  }

  String track() {
    return activity.track().slug();
  }

  String venue() {
    return placement.room().venue();
  }

  /** Whether it is running at {@code moment} (started, not yet ended). */
  boolean runsAt(OffsetDateTime moment) {
    return !start().isAfter(moment) && end().isAfter(moment);
  }

  @Override
  public String toString() {
    return activity.title() + " #" + id + (placement == null ? "" : " " + placement);
  }
}
