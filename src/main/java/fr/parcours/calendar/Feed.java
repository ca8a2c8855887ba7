package fr.parcours.calendar;

import fr.parcours.live.Change;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What one feed shows, read from the database: its fair, the kinds of change that can alter it
 * (every feed follows the programme; a class's route also follows places, a selection its stars,
 * an association's feed its stand reservations),
 * its name, zone, events, and when what it shows last changed.
 */
record Feed(long fairId, Set<Change.Kind> follows, String name, ZoneId zone, List<CalendarEvent> events,
            Instant changedAt) {

  static final Set<Change.Kind> PROGRAMME = Set.of(Change.Kind.PROGRAMME);

  /** When the newest thing shown changed: the feed's own date or its newest event's. */
  Instant lastModified() {
    return events.stream().map(event -> event.lastModified().toInstant())
        .reduce(changedAt, (a, b) -> a.isAfter(b) ? a : b);
  }
}
