package fr.parcours.booking;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The sessions of one track with their current bookings: what routes are chosen from. */
public record Timetable(List<SessionSlot> sessions) {

  /** The track's activities: a route takes one session of each. */
  public List<String> activities() {
    return sessions.stream().map(SessionSlot::activity).distinct().sorted().toList();
  }

  /** Places a class could still take: the scarcest activity's places left over its sessions. */
  public int placesLeft() {
    return placesLeft(session -> true);
  }

  /** The same among the sessions of a part of the day: 0 when one activity has none there. */
  public int placesLeft(Predicate<SessionSlot> part) {
    return activities().stream()
        .mapToInt(activity -> sessions.stream().filter(s -> s.activity().equals(activity) && part.test(s))
            .mapToInt(SessionSlot::left).sum())
        .min().orElse(0);
  }

  /** The same timetable with {@code people} more in each session of the route. */
  public Timetable reserve(Route route, int people) {
    return plus(route.sessionIds(), people);
  }

  /** The same timetable with {@code people} fewer in each of the sessions. */
  public Timetable release(Collection<Long> sessionIds, int people) {
    return plus(sessionIds, -people);
  }

  /** The sessions among {@code sessionIds} that the timetable still has (scheduled ones). */
  public Timetable only(Collection<Long> sessionIds) {
    Set<Long> ids = Set.copyOf(sessionIds);
    return new Timetable(sessions.stream().filter(s -> ids.contains(s.id())).toList());
  }

  /**
   * Only the route's sessions, except that the activity of {@code replacedId} may take any of its
   * showings: finding a route here moves a class as little as possible.
   */
  public Timetable keeping(Route route, long replacedId) {
    Set<Long> kept = Set.copyOf(route.sessionIds());
    Set<String> reopened = route.sessions().stream().filter(s -> s.id() == replacedId)
        .map(SessionSlot::activity).collect(Collectors.toSet());
    return new Timetable(sessions.stream().filter(s -> kept.contains(s.id()) || reopened.contains(s.activity())).toList());
  }

  /** The timetable as if nobody had booked: tells whether a request could ever fit. */
  public Timetable empty() {
    return new Timetable(sessions.stream().map(s -> s.plus(-s.booked())).toList());
  }

  private Timetable plus(Collection<Long> sessionIds, int people) {
    Set<Long> ids = Set.copyOf(sessionIds);
    return new Timetable(sessions.stream().map(s -> ids.contains(s.id()) ? s.plus(people) : s).toList());
  }
}
