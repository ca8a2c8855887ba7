package fr.parcours.association;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import fr.parcours.i18n.Span;
import fr.parcours.i18n.Term;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything wrong with putting an offer's session in a room at a time, each problem naming
 * the other party: the room is taken, the room seats fewer than one usual class of the track
 * (the track's {@code class_size}), the association's people would be in two places at once
 * (more of its sessions at one moment than the people it can spare) or outside its windows,
 * or the fair is closed then. A pure function of what the placing transaction read.
 */
final class PlacementConflicts {

  /** Where and when the offer would take place, and what its association can give. */
  record Placement(Interval period, Room room, String trackName, int classSize, String associationName, int people,
                   List<Interval> availability) {
    Placement {
      availability = List.copyOf(availability);
    }
  }

  record Room(String name, int capacity) {
  }

  /** Another scheduled session: of the room, or of the association. */
  record Other(long id, String title, String associationName, String roomName, Interval period) {

    /** The session as a conflict names it: title, number, association, room, times. */
    Term describe(ZoneId zone) {
      List<Object> about = new ArrayList<>(List.of(Term.of("session_number", Map.of("id", id))));
      Stream.of(associationName, roomName).filter(Objects::nonNull).forEach(about::add);
      about.add(span(period, zone));
      return Term.of("conflict_session", Map.of("title", title, "about", about));
    }
  }

  private PlacementConflicts() {
  }

  /** Every conflict, empty when the placement is possible. {@code inRoom} and {@code ofAssociation} exclude the offer's own session. */
  static List<FieldError> find(Placement placement, Fair fair, List<Other> inRoom, List<Other> ofAssociation) {
    ZoneId zone = fair.zone();
    return Stream.of(
            openingHours(placement, fair),
            roomTaken(placement, inRoom, zone),
            roomTooSmall(placement),
            outsideAvailability(placement, zone),
            peopleStretched(placement, ofAssociation, zone))
        .flatMap(List::stream)
        .toList();
  }

  private static List<FieldError> openingHours(Placement p, Fair fair) {
    if (fair.dayContaining(p.period()).isPresent()) {
      return List.of();
    }
    List<Term> hours = fair.days().stream()
        .map(day -> Term.of("day_hours", Map.of("day", day.day(), "hours", new Span(day.opensAt(), day.closesAt()))))
        .toList();
    return List.of(FieldError.of("starts_at", "OUTSIDE_FAIR_HOURS", Map.of("hours", hours)));
  }

  private static List<FieldError> roomTaken(Placement p, List<Other> inRoom, ZoneId zone) {
    return inRoom.stream().filter(other -> other.period().overlaps(p.period()))
        .map(other -> FieldError.of("room", "ROOM_HOLDS", Map.of("room", p.room().name(), "other", other.describe(zone))))
        .toList();
  }

  private static List<FieldError> roomTooSmall(Placement p) {
    if (p.room().capacity() >= p.classSize()) {
      return List.of();
    }
    return List.of(FieldError.of("room", "ROOM_TOO_SMALL_FOR_TRACK", Map.of("room", p.room().name(), "capacity", p.room().capacity(),
        "track", p.trackName(), "class_size", p.classSize())));
  }

  private static List<FieldError> outsideAvailability(Placement p, ZoneId zone) {
    if (p.availability().isEmpty() || p.availability().stream().anyMatch(window -> window.contains(p.period()))) {
      return List.of();
    }
    List<Span> windows = p.availability().stream().map(window -> span(window, zone)).toList();
    return List.of(FieldError.of("starts_at", "OUTSIDE_AVAILABILITY", Map.of("association", p.associationName(),
        "windows", windows)));
  }

  /** The most of the association's other sessions running at one moment of the period, plus this one, against its people. */
  private static List<FieldError> peopleStretched(Placement p, List<Other> ofAssociation, ZoneId zone) {
    List<Other> overlapping = ofAssociation.stream().filter(other -> other.period().overlaps(p.period())).toList();
    List<Other> busiest = List.of();
    // Sessions running at once only grow where one starts: the peak is at such a start (or the period's).
    for (OffsetDateTime moment : moments(p.period(), overlapping)) {
      List<Other> running = overlapping.stream().filter(other -> runsAt(other.period(), moment)).toList();
      if (running.size() > busiest.size()) {
        busiest = running;
      }
    }
    if (busiest.size() + 1 <= p.people()) {
      return List.of();
    }
    List<Term> others = busiest.stream().map(other -> other.describe(zone)).toList();
    return List.of(FieldError.of("starts_at", "PEOPLE_STRETCHED", Map.of("association", p.associationName(),
        "people", p.people(), "others", others)));
  }

  private static List<OffsetDateTime> moments(Interval period, List<Other> overlapping) {
    List<OffsetDateTime> moments = new ArrayList<>(List.of(period.start()));
    overlapping.stream().map(other -> other.period().start()).filter(start -> start.isAfter(period.start()))
        .forEach(moments::add);
    return moments;
  }

  private static boolean runsAt(Interval period, OffsetDateTime moment) {
    return !period.start().isAfter(moment) && period.end().isAfter(moment);
  }

  private static Span span(Interval period, ZoneId zone) {
    return new Span(FairTimes.local(period.start(), zone).toLocalTime(), FairTimes.local(period.end(), zone).toLocalTime());
  }
}
