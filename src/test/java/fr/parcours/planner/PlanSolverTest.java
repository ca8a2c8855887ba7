package fr.parcours.planner;

import fr.parcours.booking.ClassCapacity;
import fr.parcours.booking.SessionSlot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fr.parcours.planner.PlanSamples.AMPHI;
import static fr.parcours.planner.PlanSamples.GARONNE;
import static fr.parcours.planner.PlanSamples.OPEN;
import static fr.parcours.planner.PlanSamples.activity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real solver on a small day, for a couple of seconds. */
class PlanSolverTest {

  private static final PlanRoom DORDOGNE = new PlanRoom("dordogne", "Dordogne", "hall", 32, true, true);

  @Test
  void plansWholeRoutesForTheDemandWithNoHardRuleBroken() {
    TrackNeed track = PlanSamples.track(3);
    List<PlanActivity> activities = List.of(activity("talk", "talk", track, "energies", 1),
        activity("workshop", "workshop", track, "reparation", 1), activity("testimony", "testimony", track, "jardins", 1));
    List<PlannedSession> sessions = new ArrayList<>();
    long id = 0;
    for (PlanActivity activity : activities) {
      for (int i = 0; i < 4; i++) {
        sessions.add(PlanSamples.unplaced(++id, activity));
      }
    }
    DayPlan problem = new DayPlan(PlanSamples.placements(List.of(AMPHI, GARONNE, DORDOGNE), 4), List.of(OPEN),
        List.of(track), sessions);

    DayPlan best = PlanSolver.solveNow(problem, Duration.ofSeconds(3));

    assertEquals(0, best.score().hardScore(), best.score().toString());
    assertEquals(0, best.score().mediumScore(), best.score().toString());
    List<PlannedSession> placed = best.sessions().stream().filter(PlannedSession::assigned).toList();
    List<SessionSlot> slots = TrackDemand.slots(placed);
    int[] hosted = ClassCapacity.perWindow(List.of("talk", "workshop", "testimony"), slots, 30, 10,
        List.of(new ClassCapacity.Window(track.windows().get(0).period(), 1)), ClassCapacity.unlimited(1));
    assertTrue(hosted[0] >= 3, "classes hosted: " + hosted[0]);
  }

  @Test
  void aPinnedSessionStaysWhereItIs() {
    TrackNeed track = PlanSamples.track(1);
    PlanActivity talk = activity("talk", "talk", track, null, 1);
    Placement booked = new Placement(GARONNE, PlanSamples.slot(3));
    PlannedSession pinned = new PlannedSession(1, talk, 10L, booked, true, booked);
    DayPlan problem = new DayPlan(PlanSamples.placements(List.of(AMPHI, GARONNE), 4), List.of(OPEN), List.of(track),
        List.of(pinned, PlanSamples.unplaced(2, talk)));

    DayPlan best = PlanSolver.solveNow(problem, Duration.ofSeconds(1));

    assertEquals(booked, best.sessions().get(0).placement());
  }
}
