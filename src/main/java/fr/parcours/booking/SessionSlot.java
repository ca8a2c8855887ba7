package fr.parcours.booking;

import java.time.OffsetDateTime;

/** One showing of an activity of a track, with the people it holds and can hold. */
public record SessionSlot(long id, String activity, String title, String room,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, int booked) {

  public int left() {
    return capacity - booked;
  }

  /** "Title (Room)", or the title alone for a session placed in no room. */
  String titleAndRoom() {
    return room.isEmpty() ? title : title + " (" + room + ")";
  }

  SessionSlot plus(int people) {
    return new SessionSlot(id, activity, title, room, startsAt, endsAt, capacity, booked + people);
  }

  /** True when the two leave at least {@code changeoverMinutes} between them (either order). */
  boolean apartFrom(SessionSlot other, int changeoverMinutes) {
    return !endsAt.plusMinutes(changeoverMinutes).isAfter(other.startsAt)
        || !other.endsAt.plusMinutes(changeoverMinutes).isAfter(startsAt);
  }
}
