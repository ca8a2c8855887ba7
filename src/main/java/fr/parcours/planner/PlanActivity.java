package fr.parcours.planner;

import fr.parcours.fair.Interval;
import fr.parcours.fair.SessionKind;

import java.time.Duration;
import java.util.List;

/**
 * Something a class of the track does once on its route (a talk, a workshop, a testimony),
 * given as many times as the day needs. {@code association} may be null (the organiser runs
 * it); {@code people}: how many sessions its association can run at once; {@code availability}:
 * when its people are there (empty: whenever the fair is open).
 */
public record PlanActivity(String key, String title, SessionKind kind, String level, String description, TrackNeed track,
                           String association, int people, Duration duration, List<Interval> availability,
                           boolean needsScreen, boolean needsPower) {

  public PlanActivity {
    availability = List.copyOf(availability);
  }

  boolean availableFor(Interval period) {
    return availability.isEmpty() || availability.stream().anyMatch(window -> window.contains(period));
  }

  boolean equippedBy(PlanRoom room) {
    return (!needsScreen || room.screen()) && (!needsPower || room.power());
  }

  boolean talk() {
    return kind == SessionKind.TALK;
  }

  boolean workshop() {
    return kind == SessionKind.WORKSHOP;
  }
}
