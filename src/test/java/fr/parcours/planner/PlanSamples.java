package fr.parcours.planner;

import fr.parcours.fair.Interval;
import fr.parcours.fair.SessionKind;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Small days for the planner's tests: one morning, 30-minute slots 10 minutes apart. */
final class PlanSamples {

  static final OffsetDateTime NINE = OffsetDateTime.of(2027, 3, 18, 9, 0, 0, 0, ZoneOffset.ofHours(1));
  static final Interval OPEN = new Interval(NINE.minusMinutes(30), NINE.plusHours(8));
  static final PlanRoom AMPHI = new PlanRoom("amphi", "Amphi", "hall", 120, true, true);
  static final PlanRoom GARONNE = new PlanRoom("garonne", "Garonne", "hall", 36, false, true);
  static final PlanRoom CLOSET = new PlanRoom("closet", "Closet", "annex", 12, true, true);

  private PlanSamples() {
  }

  static TrackNeed track(int morningClasses) {
    return new TrackNeed("planete", "Planète", 30, 10,
        List.of(new TrackNeed.Window("morning", new Interval(NINE, NINE.plusHours(3)), morningClasses)), false);
  }

  static PlanActivity activity(String key, String kind, TrackNeed track, String association, int people) {
    return new PlanActivity(key, key, SessionKind.ofJson(kind), "", "", track, association, people, Duration.ofMinutes(30),
        List.of(), false, false);
  }

  /** The start of slot {@code index} (0 at 9:00, every 40 minutes). */
  static OffsetDateTime slot(int index) {
    return NINE.plusMinutes(40L * index);
  }

  static PlannedSession at(long id, PlanActivity activity, PlanRoom room, int slot) {
    return new PlannedSession(id, activity, null, null, false, new Placement(room, slot(slot)));
  }

  static PlannedSession unplaced(long id, PlanActivity activity) {
    return new PlannedSession(id, activity, null, null, false, null);
  }

  /** Every room at every slot start, slots 0 to {@code slots - 1}. */
  static List<Placement> placements(List<PlanRoom> rooms, int slots) {
    List<Placement> placements = new ArrayList<>();
    for (PlanRoom room : rooms) {
      for (int i = 0; i < slots; i++) {
        placements.add(new Placement(room, slot(i)));
      }
    }
    return placements;
  }
}
