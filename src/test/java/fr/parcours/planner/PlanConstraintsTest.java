package fr.parcours.planner;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import fr.parcours.fair.Interval;
import fr.parcours.fair.SessionKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static fr.parcours.planner.PlanSamples.AMPHI;
import static fr.parcours.planner.PlanSamples.CLOSET;
import static fr.parcours.planner.PlanSamples.GARONNE;
import static fr.parcours.planner.PlanSamples.OPEN;
import static fr.parcours.planner.PlanSamples.activity;
import static fr.parcours.planner.PlanSamples.at;
import static fr.parcours.planner.PlanSamples.track;
import static fr.parcours.planner.PlanSamples.unplaced;

/** Each constraint alone, on a handful of sessions. */
class PlanConstraintsTest {

  private final ConstraintVerifier<PlanConstraints, DayPlan> verifier =
      ConstraintVerifier.build(new PlanConstraints(), DayPlan.class, PlannedSession.class);
  private final TrackNeed track = track(1);
  private final PlanActivity talk = activity("talk", "talk", track, "energies", 1);
  private final PlanActivity workshop = activity("workshop", "workshop", track, "reparation", 1);

  @Test
  void aRoomHoldsOneSessionAtOnce() {
    verifier.verifyThat(PlanConstraints::roomTaken)
        .given(at(1, talk, AMPHI, 0), at(2, workshop, AMPHI, 0), at(3, workshop, AMPHI, 1), at(4, talk, GARONNE, 0))
        .penalizesBy(1);
  }

  @Test
  void aRoomSeatsAClassOfTheTrack() {
    verifier.verifyThat(PlanConstraints::roomTooSmall)
        .given(at(1, talk, CLOSET, 0), at(2, workshop, GARONNE, 0))
        .penalizesBy(1);
  }

  @Test
  void aSessionGetsTheEquipmentItNeeds() {
    PlanActivity slides = new PlanActivity("slides", "slides", SessionKind.TALK, "", "", track, null, 1, Duration.ofMinutes(30),
        List.of(), true, true);
    verifier.verifyThat(PlanConstraints::equipment)
        .given(at(1, slides, GARONNE, 0), at(2, slides, AMPHI, 1), at(3, talk, GARONNE, 2))
        .penalizesBy(1);
  }

  @Test
  void sessionsStayInsideOpeningHours() {
    Interval morningOnly = new Interval(OPEN.start(), PlanSamples.slot(2));
    verifier.verifyThat(PlanConstraints::closed)
        .given(morningOnly, at(1, talk, AMPHI, 0), at(2, talk, AMPHI, 1), at(3, talk, AMPHI, 2))
        .penalizesBy(1);
  }

  @Test
  void anAssociationRunsOnlyWhenItsPeopleAreThere() {
    PlanActivity early = new PlanActivity("early", "early", SessionKind.TALK, "", "", track, "energies", 1,
        Duration.ofMinutes(30), List.of(new Interval(PlanSamples.slot(0), PlanSamples.slot(1))), false, false);
    verifier.verifyThat(PlanConstraints::unavailable)
        .given(at(1, early, AMPHI, 0), at(2, early, AMPHI, 1))
        .penalizesBy(1);
  }

  @Test
  void anAssociationRunsNoMoreSessionsAtOnceThanItsPeople() {
    PlanActivity pair = activity("pair", "workshop", track, "duo", 2);
    verifier.verifyThat(PlanConstraints::stretched)
        .given(at(1, talk, AMPHI, 0), at(2, talk, GARONNE, 0),
            at(3, pair, AMPHI, 1), at(4, pair, GARONNE, 1), at(5, pair, CLOSET, 2))
        .penalizesBy(2);
  }

  @Test
  void demandCountsWholeRoutesNotSeats() {
    TrackNeed two = track(2);
    PlanActivity t = activity("talk", "talk", two, null, 1);
    PlanActivity w = activity("workshop", "workshop", two, null, 1);
    // The amphi seats four classes for the talk, but the workshop room one at a time: two routes
    // need two workshops apart from a talk each.
    verifier.verifyThat(PlanConstraints::demand)
        .given(at(1, t, AMPHI, 0), at(2, w, GARONNE, 1), unplaced(3, w))
        .penalizesBy(PlanConstraints.CLASS_WEIGHT + 1);
    verifier.verifyThat(PlanConstraints::demand)
        .given(at(1, t, AMPHI, 0), at(2, w, GARONNE, 1), at(3, w, GARONNE, 2))
        .penalizesBy(0);
    verifier.verifyThat(PlanConstraints::demand)
        .given(at(1, t, AMPHI, 0), at(2, w, GARONNE, 0), at(3, w, CLOSET, 1))
        .penalizesBy(2L * PlanConstraints.CLASS_WEIGHT + 1);
  }

  @Test
  void eachSessionCosts() {
    verifier.verifyThat(PlanConstraints::sessions)
        .given(at(1, talk, AMPHI, 0), unplaced(2, talk))
        .penalizesBy(PlanConstraints.SESSION_WEIGHT);
  }

  @Test
  void replanningMovesAsLittleAsPossible() {
    Placement was = new Placement(AMPHI, PlanSamples.slot(0));
    PlannedSession kept = new PlannedSession(1, talk, 10L, was, false, was);
    PlannedSession moved = new PlannedSession(2, talk, 11L, was, false, new Placement(AMPHI, PlanSamples.slot(1)));
    PlannedSession dropped = new PlannedSession(3, talk, 12L, was, false, null);
    verifier.verifyThat(PlanConstraints::leastChange)
        .given(kept, moved, dropped)
        .penalizesBy(2L * PlanConstraints.CHANGE_WEIGHT);
  }

  @Test
  void aTrackKeepsToOneVenue() {
    verifier.verifyThat(PlanConstraints::venues)
        .given(at(1, talk, AMPHI, 0), at(2, workshop, GARONNE, 1), at(3, workshop, CLOSET, 2))
        .penalizesBy(PlanConstraints.VENUE_WEIGHT);
  }

  @Test
  void anAssociationKeepsOneRoom() {
    verifier.verifyThat(PlanConstraints::associationRooms)
        .given(at(1, talk, AMPHI, 0), at(2, talk, GARONNE, 1), at(3, workshop, GARONNE, 2))
        .penalizesBy(PlanConstraints.ROOM_WEIGHT);
  }

  @Test
  void talksComeBeforeWorkshopsWhereAsked() {
    TrackNeed ordered = new TrackNeed("planete", "Planète", 30, 10, track.windows(), true);
    PlanActivity t = activity("talk", "talk", ordered, null, 1);
    PlanActivity w = activity("workshop", "workshop", ordered, null, 1);
    verifier.verifyThat(PlanConstraints::talksFirst)
        .given(at(1, w, GARONNE, 0), at(2, t, AMPHI, 1), at(3, w, GARONNE, 2))
        .penalizesBy(PlanConstraints.TALK_WEIGHT);
    verifier.verifyThat(PlanConstraints::talksFirst)
        .given(at(1, activity("w", "workshop", track, null, 1), GARONNE, 0), at(2, talk, AMPHI, 1))
        .penalizesBy(0);
  }

  @Test
  void roomsAreUsedEvenly() {
    verifier.verifyThat(PlanConstraints::balance)
        .given(at(1, talk, AMPHI, 0), at(2, talk, AMPHI, 1), at(3, workshop, GARONNE, 0))
        .penalizesBy(4 + 1);
  }
}
