package fr.parcours.booking;

import fr.parcours.fair.FairDay;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a class waits and what would confirm it now: the windows of its day (arrival at a route's
 * first session, departure at its last one's end) that a route of the track has room for.
 * A plain search from each start time of the day, the nearest windows to the one asked first.
 */
public final class Alternatives {

  /** A bus window that a route fits now. */
  public record Window(OffsetDateTime arrival, OffsetDateTime departure) {
  }

  /** At most this many windows are offered: a choice to make at a glance. */
  static final int MAX = 3;

  private Alternatives() {
  }

  static List<Window> windows(Timetable timetable, Need need, FairDay day, ZoneId zone) {
    OffsetDateTime closing = day.closing(zone);
    Set<Window> found = new LinkedHashSet<>();
    timetable.sessions().stream().map(SessionSlot::startsAt)
        .filter(start -> !start.isBefore(day.opening(zone)) && start.isBefore(closing))
        .distinct().sorted()
        .forEach(start -> RouteFinder.find(timetable, new Need(start, closing, need.people(), need.changeoverMinutes()))
            .map(route -> new Window(route.start(), route.end()))
            .filter(window -> !window.equals(new Window(need.from(), need.to())))
            .ifPresent(found::add));
    List<Window> nearest = new ArrayList<>(found);
    nearest.sort(Comparator.comparingLong(w -> Math.abs(ChronoUnit.MINUTES.between(need.from(), w.arrival()))));
    return nearest.stream().limit(MAX).sorted(Comparator.comparing(Window::arrival)).toList();
  }
}
