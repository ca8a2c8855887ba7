package fr.parcours.planner;

import ai.timefold.solver.core.api.score.ScoreExplanation;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.constraint.ConstraintMatch;
import ai.timefold.solver.core.api.score.constraint.ConstraintMatchTotal;
import fr.parcours.booking.ClassCapacity;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A solution as stored and shown: its score, its sessions, each planned track's capacity in
 * classes per window before (today's programme) and after, and every hard constraint still
 * broken or class of the demand left without a route, naming the sessions involved ({@code params}
 * holds what the catalogue's {@code plan_broken_*} texts say it with).
 */
final class PlanReport {

  private PlanReport() {
  }

  static JsonObject of(PlanProblem problem, DayPlan best, ScoreExplanation<DayPlan, HardMediumSoftLongScore> why,
                       ZoneId zone) {
    JsonArray broken = new JsonArray();
    JsonObject capacity = capacity(problem, best, broken);
    why.getConstraintMatchTotalMap().values().stream()
        .filter(total -> total.getScore().hardScore() < 0)
        .sorted(Comparator.comparing(total -> total.getConstraintRef().constraintName()))
        .forEach(total -> hardBroken(total, zone, broken));
    return new JsonObject().put("score", score(best.score())).put("sessions", sessions(best, zone))
        .put("capacity", capacity).put("broken", broken);
  }

  static JsonObject score(HardMediumSoftLongScore score) {
    if (score == null) {
      return new JsonObject().put("hard", 0).put("soft", new JsonObject().put("demand", 0).put("preferences", 0));
    }
    return new JsonObject().put("hard", score.hardScore())
        .put("soft", new JsonObject().put("demand", score.mediumScore()).put("preferences", score.softScore()));
  }

  private static JsonArray sessions(DayPlan best, ZoneId zone) {
    return new JsonArray(best.sessions().stream().filter(PlannedSession::assigned)
        .sorted(Comparator.comparing(PlannedSession::start).thenComparing(s -> s.room().slug()))
        .map(s -> (Object) new JsonObject().put("activity", s.activity().key()).put("title", s.activity().title())
            .put("kind", s.activity().kind().json()).put("track", s.track()).put("room", s.room().slug())
            .put("association", s.activity().association()).put("level", s.activity().level())
            .put("description", s.activity().description())
            .put("starts_at", FairTimes.format(s.start(), zone)).put("ends_at", FairTimes.format(s.end(), zone))
            .put("capacity", s.room().capacity()).put("session", s.sessionId()))
        .toList());
  }

  /** Per planned track: classes before and after, overall and per window; short windows go to {@code broken}. */
  private static JsonObject capacity(PlanProblem problem, DayPlan best, JsonArray broken) {
    JsonObject capacity = new JsonObject();
    for (TrackNeed track : problem.needs()) {
      if (track.windows().isEmpty()) {
        continue;
      }
      List<String> activities = best.sessions().stream().filter(s -> s.track().equals(track.slug()))
          .map(s -> s.activity().key()).distinct().toList();
      int[] before = hosted(track, activities, problem.today());
      int[] after = hosted(track, activities, best.sessions());
      JsonArray windows = new JsonArray();
      for (int w = 0; w < before.length; w++) {
        TrackNeed.Window window = track.windows().get(w);
        windows.add(new JsonObject().put("window", window.label()).put("target", window.target())
            .put("classes_before", before[w]).put("classes_after", after[w]));
        if (after[w] < window.target()) {
          broken.add(new JsonObject().put("constraint", PlanConstraints.DEMAND)
              .put("message", track.name() + ": " + after[w] + " of " + window.target()
                  + " classes find a whole route in " + window.label())
              .put("sessions", new JsonArray()).put("params", new JsonObject().put("track", track.name())
                  .put("classes", after[w]).put("target", window.target()).put("window", window.label())));
        }
      }
      capacity.put(track.slug(), new JsonObject().put("classes_before", sum(before)).put("classes_after", sum(after))
          .put("target", track.target()).put("windows", windows));
    }
    return capacity;
  }

  private static int[] hosted(TrackNeed track, List<String> activities, List<PlannedSession> sessions) {
    List<PlannedSession> placed = sessions.stream()
        .filter(s -> s.assigned() && s.track().equals(track.slug())).toList();
    return TrackDemand.hosted(track, activities, placed, ClassCapacity.unlimited(track.windows().size()));
  }

  private static int sum(int[] values) {
    int total = 0;
    for (int value : values) {
      total += value;
    }
    return total;
  }

  private static void hardBroken(ConstraintMatchTotal<HardMediumSoftLongScore> total, ZoneId zone, JsonArray broken) {
    for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
      List<PlannedSession> sessions = match.getIndictedObjectList().stream()
          .filter(PlannedSession.class::isInstance).map(PlannedSession.class::cast).toList();
      String named = sessions.stream().map(s -> describe(s, zone)).collect(Collectors.joining(", "));
      broken.add(new JsonObject().put("constraint", total.getConstraintRef().constraintName())
          .put("message", total.getConstraintRef().constraintName() + ": " + named)
          .put("sessions", new JsonArray(sessions.stream().map(s -> (Object) describe(s, zone)).toList()))
          .put("params", new JsonObject().put("sessions", named)));
    }
  }

  private static String describe(PlannedSession s, ZoneId zone) {
    return "\"" + s.activity().title() + "\" (" + s.room().name() + ", " + FairTimes.clock(s.start(), zone) + "–"
        + FairTimes.clock(s.end(), zone) + ")";
  }
}
