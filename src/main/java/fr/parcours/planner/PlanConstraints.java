package fr.parcours.planner;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import fr.parcours.fair.Interval;

/**
 * The rules of a day's programme as Timefold constraint streams. Hard: never broken by a plan
 * worth applying. Medium: the track demand, classes counted in whole routes. Soft, heaviest
 * first: fewer sessions (associations' people are volunteers), least change from the current
 * programme, a track in one venue, an association in one room, talks before workshops where
 * asked, rooms evenly used.
 */
public final class PlanConstraints implements ConstraintProvider {

  static final String ROOM_TAKEN = "room taken";
  static final String ROOM_TOO_SMALL = "room too small";
  static final String EQUIPMENT = "equipment missing";
  static final String CLOSED = "outside opening hours";
  static final String UNAVAILABLE = "association not there";
  static final String STRETCHED = "association stretched";
  static final String DEMAND = "track demand";
  static final String SESSIONS = "fewer sessions";
  static final String CHANGE = "least change";
  static final String VENUES = "track in one venue";
  static final String ROOMS = "association in one room";
  static final String TALKS_FIRST = "talks before workshops";
  static final String BALANCE = "balanced rooms";

  /** Medium weight of a class of the demand with no route; seat shortfalls per activity weigh 1 and steer the search to it. */
  static final int CLASS_WEIGHT = 10;
  static final int SESSION_WEIGHT = 1000;
  static final int CHANGE_WEIGHT = 300;
  static final int VENUE_WEIGHT = 100;
  static final int ROOM_WEIGHT = 50;
  static final int TALK_WEIGHT = 10;

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {
        roomTaken(factory), roomTooSmall(factory), equipment(factory), closed(factory), unavailable(factory),
        stretched(factory), demand(factory), sessions(factory), leastChange(factory), venues(factory),
        associationRooms(factory), talksFirst(factory), balance(factory)
    };
  }

  Constraint roomTaken(ConstraintFactory factory) {
    return factory.forEachUniquePair(PlannedSession.class,
            Joiners.equal(PlannedSession::room),
            Joiners.overlapping(PlannedSession::start, PlannedSession::end))
        .penalize(HardMediumSoftLongScore.ONE_HARD)
        .asConstraint(ROOM_TAKEN);
  }

  /** A room seats at least one usual class of the track with its adults. */
  Constraint roomTooSmall(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .filter(s -> s.room().capacity() < s.activity().track().classSize())
        .penalize(HardMediumSoftLongScore.ONE_HARD)
        .asConstraint(ROOM_TOO_SMALL);
  }

  Constraint equipment(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .filter(s -> !s.activity().equippedBy(s.room()))
        .penalize(HardMediumSoftLongScore.ONE_HARD)
        .asConstraint(EQUIPMENT);
  }

  Constraint closed(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .ifNotExists(Interval.class, Joiners.filtering((s, open) -> open.contains(s.period())))
        .penalize(HardMediumSoftLongScore.ONE_HARD)
        .asConstraint(CLOSED);
  }

  Constraint unavailable(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .filter(s -> !s.activity().availableFor(s.period()))
        .penalize(HardMediumSoftLongScore.ONE_HARD)
        .asConstraint(UNAVAILABLE);
  }

  /**
   * An association never runs more sessions at once than the people it gives: at each session's
   * start (where the number running at once can grow), the ones running then, itself included.
   */
  Constraint stretched(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .filter(s -> s.activity().association() != null)
        .join(PlannedSession.class,
            Joiners.equal(s -> s.activity().association()),
            Joiners.filtering((s, other) -> s != other && other.runsAt(s.start())))
        .groupBy((s, other) -> s, ConstraintCollectors.countBi())
        .filter((s, others) -> others + 1 > s.activity().people())
        .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (s, others) -> others + 1L - s.activity().people())
        .asConstraint(STRETCHED);
  }

  /** Each class of the demand that finds no whole route in its window. */
  Constraint demand(ConstraintFactory factory) {
    return factory.forEachIncludingUnassigned(PlannedSession.class)
        .groupBy(s -> s.activity().track(), ConstraintCollectors.toList())
        .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, TrackDemand::shortfall)
        .asConstraint(DEMAND);
  }

  Constraint sessions(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .penalize(HardMediumSoftLongScore.ONE_SOFT, s -> SESSION_WEIGHT)
        .asConstraint(SESSIONS);
  }

  Constraint leastChange(ConstraintFactory factory) {
    return factory.forEachIncludingUnassigned(PlannedSession.class)
        .filter(PlannedSession::movedFromCurrent)
        .penalize(HardMediumSoftLongScore.ONE_SOFT, s -> CHANGE_WEIGHT)
        .asConstraint(CHANGE);
  }

  /** Each venue of a track beyond its first. */
  Constraint venues(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .groupBy(PlannedSession::track, ConstraintCollectors.countDistinct(PlannedSession::venue))
        .filter((track, venues) -> venues > 1)
        .penalize(HardMediumSoftLongScore.ONE_SOFT, (track, venues) -> (venues - 1) * VENUE_WEIGHT)
        .asConstraint(VENUES);
  }

  /** Each room of an association beyond its first. */
  Constraint associationRooms(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .filter(s -> s.activity().association() != null)
        .groupBy(s -> s.activity().association(), ConstraintCollectors.countDistinct(PlannedSession::room))
        .filter((association, rooms) -> rooms > 1)
        .penalize(HardMediumSoftLongScore.ONE_SOFT, (association, rooms) -> (rooms - 1) * ROOM_WEIGHT)
        .asConstraint(ROOMS);
  }

  /** A workshop of a track that asks for talks first, ending before one of its talks begins. */
  Constraint talksFirst(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .filter(s -> s.activity().talk() && s.activity().track().talksFirst())
        .join(PlannedSession.class,
            Joiners.equal(PlannedSession::track),
            Joiners.filtering((talk, workshop) -> workshop.activity().workshop()
                && !workshop.end().isAfter(talk.start())))
        .penalize(HardMediumSoftLongScore.ONE_SOFT, (talk, workshop) -> TALK_WEIGHT)
        .asConstraint(TALKS_FIRST);
  }

  /** The square of each room's sessions: the same number of sessions spread evenly scores best. */
  Constraint balance(ConstraintFactory factory) {
    return factory.forEach(PlannedSession.class)
        .groupBy(PlannedSession::room, ConstraintCollectors.count())
        .penalize(HardMediumSoftLongScore.ONE_SOFT, (room, count) -> count * count)
        .asConstraint(BALANCE);
  }
}
