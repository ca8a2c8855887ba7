package fr.parcours.calendar;

import java.time.OffsetDateTime;

/**
 * One event of a feed. {@code uid} must stay the same for the life of the thing it shows, and
 * {@code sequence} must grow on every change, or clients keep stale copies. {@code url} (the
 * session's page) and {@code category} (its track) may be null.
 */
public record CalendarEvent(
    String uid,
    String title,
    String description,
    String location,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    int sequence,
    boolean cancelled,
    OffsetDateTime lastModified,
    String url,
    String category) {
}
