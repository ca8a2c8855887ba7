package fr.parcours.checkin;

import fr.parcours.fair.Fair;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who came, as funders ask it: classes, pupils and adults booked and present, with the schools
 * they came from, in all and by school, city, level and track; and the stands and défis.
 */
public record Attendance(Fair fair, Figures total, List<Group> bySchool, List<Group> byCity,
                         List<Group> byLevel, List<Group> byTrack, int standsConfirmed, int challengePicks,
                         int challengePicksPresent, List<SessionFigures> bySession) {

  /**
   * One session as its room's staff marked it: the classes and people holding a place there,
   * and those marked present (sessions no one marked show 0 marked: their rooms did not count).
   */
  public record SessionFigures(long sessionId, String title, String place, OffsetDateTime startsAt, int classes,
                               int people, int classesMarked, int peopleMarked) {
  }

  /** One line of the report. */
  public record Group(String name, Figures figures) {
  }

  /** What was booked and what came of it, over some classes. */
  public record Figures(int classesBooked, int classesPresent, int pupilsBooked, int pupilsPresent,
                        int adultsBooked, int adultsPresent, int schoolsBooked, int schoolsPresent) {

    static Figures of(List<Arrival> classes) {
      List<Arrival> present = classes.stream().filter(Arrival::checkedIn).toList();
      return new Figures(classes.size(), present.size(),
          classes.stream().mapToInt(Arrival::pupilsBooked).sum(), present.stream().mapToInt(Arrival::pupilsPresent).sum(),
          classes.stream().mapToInt(Arrival::adultsBooked).sum(), present.stream().mapToInt(Arrival::adultsPresent).sum(),
          (int) classes.stream().map(Arrival::uai).distinct().count(),
          (int) present.stream().map(Arrival::uai).distinct().count());
    }

    /** The share of booked classes that never checked in, 0 to 1 (0 when nothing was booked). */
    public double noShowRate() {
      return classesBooked == 0 ? 0 : (classesBooked - classesPresent) / (double) classesBooked;
    }
  }

  static Attendance of(Fair fair, List<Arrival> classes, CheckInRepository.Extras extras,
                       List<SessionFigures> bySession) {
    return new Attendance(fair, Figures.of(classes),
        groups(classes, a -> a.school() + " (" + a.city() + ")"), groups(classes, Arrival::city),
        groups(classes, Arrival::level), groups(classes, Arrival::track),
        extras.standsConfirmed(), extras.challengePicks(), extras.challengePicksPresent(), List.copyOf(bySession));
  }

  /** Classes grouped by {@code key}, largest booked headcount first, then by name. */
  private static List<Group> groups(List<Arrival> classes, Function<Arrival, String> key) {
    Map<String, List<Arrival>> grouped = new LinkedHashMap<>();
    classes.forEach(a -> grouped.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
    return grouped.entrySet().stream().map(e -> new Group(e.getKey(), Figures.of(e.getValue())))
        .sorted(Comparator.comparingInt((Group g) -> -g.figures().pupilsBooked()).thenComparing(Group::name))
        .toList();
  }
}
