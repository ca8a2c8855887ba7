package fr.parcours.checkin;

import java.time.OffsetDateTime;

/** A session as its room's staff pick it: what, where, when (the fair's zone), classes holding a place and marked. */
public record RoomSession(long id, String title, String place, OffsetDateTime startsAt, OffsetDateTime endsAt,
                          int classes, int marked) {
}
