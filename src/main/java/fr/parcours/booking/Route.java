package fr.parcours.booking;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/** A class's route: one session per activity of its track, in time order. */
public record Route(List<SessionSlot> sessions) {

  public static final Route EMPTY = new Route(List.of());

  public Route {
    sessions = sessions.stream().sorted(Comparator.comparing(SessionSlot::startsAt)).toList();
  }

  public List<Long> sessionIds() {
    return sessions.stream().map(SessionSlot::id).toList();
  }

  OffsetDateTime start() {
    return sessions.stream().map(SessionSlot::startsAt).min(Comparator.naturalOrder()).orElse(OffsetDateTime.MAX);
  }

  OffsetDateTime end() {
    return sessions.stream().map(SessionSlot::endsAt).max(Comparator.naturalOrder()).orElse(OffsetDateTime.MIN);
  }

  /** The fullest session's fill ratio once {@code people} more sit in it. */
  double peakLoad(int people) {
    return sessions.stream()
        .mapToDouble(s -> (s.booked() + people) / (double) Math.max(s.capacity(), 1))
        .max().orElse(0);
  }

  long startSum() {
    return sessions.stream().mapToLong(s -> s.startsAt().toEpochSecond()).sum();
  }
}
