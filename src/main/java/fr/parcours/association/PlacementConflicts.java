package fr.parcours.association;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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

    String describe(ZoneId zone) {
      String by = associationName == null ? "" : ", " + associationName;
      String where = roomName == null ? "" : ", " + roomName;
      return "\"" + title + "\" (session " + id + by + where + ", " + clock(period, zone) + ")";
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
    String hours = fair.days().stream()
        .map(day -> day.day() + " " + day.opensAt() + "–" + day.closesAt())
        .collect(Collectors.joining(", "));
    return List.of(new FieldError("starts_at", "falls outside the fair's opening hours (" + hours + ")"));
  }

  private static List<FieldError> roomTaken(Placement p, List<Other> inRoom, ZoneId zone) {
    return inRoom.stream().filter(other -> other.period().overlaps(p.period()))
        .map(other -> new FieldError("room", p.room().name() + " already holds " + other.describe(zone)
            + " at that time"))
        .toList();
  }

  private static List<FieldError> roomTooSmall(Placement p) {
    if (p.room().capacity() >= p.classSize()) {
      return List.of();
    }
    return List.of(new FieldError("room", p.room().name() + " seats " + p.room().capacity()
        + ", fewer than one usual class of track " + p.trackName() + " (" + p.classSize() + ")"));
  }

  private static List<FieldError> outsideAvailability(Placement p, ZoneId zone) {
    if (p.availability().isEmpty() || p.availability().stream().anyMatch(window -> window.contains(p.period()))) {
      return List.of();
    }
    String windows = p.availability().stream().map(window -> clock(window, zone)).collect(Collectors.joining(", "));
    return List.of(new FieldError("starts_at", p.associationName() + "'s people are there only " + windows));
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
    String others = busiest.stream().map(other -> other.describe(zone)).collect(Collectors.joining(" and "));
    return List.of(new FieldError("starts_at", p.associationName() + " can spare " + p.people()
        + (p.people() == 1 ? " person" : " people") + " at once and already runs " + others + " then"));
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

  private static String clock(Interval period, ZoneId zone) {
    return FairTimes.clock(period.start(), zone) + "–" + FairTimes.clock(period.end(), zone);
  }
}
