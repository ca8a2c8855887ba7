package fr.parcours.fair.resource;

import java.time.OffsetDateTime;

/**
 * A session's columns as the session rule checks them, read once from its {@link ResourceRow};
 * {@code id} and {@code booked} are null for a session not stored yet.
 */
record SessionRow(Long id, String kind, String title, String activity, Long trackId, Long roomId, Long zoneId,
                  OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity, String status, Integer booked) {

  static SessionRow of(ResourceRow row) {
    return new SessionRow(row.id(), row.text("kind"), row.text("title"), row.text("activity"), row.ref("track_id"),
        row.ref("room_id"), row.ref("zone_id"), row.time("starts_at"), row.time("ends_at"), row.whole("capacity"),
        row.text("status"), row.whole("booked"));
  }

  /** {@code row} with what the rule completes (the activity, the capacity) written back. */
  ResourceRow into(ResourceRow row) {
    return row.with("activity", activity).with("capacity", capacity);
  }

  SessionRow withActivity(String newActivity) {
    return new SessionRow(id, kind, title, newActivity, trackId, roomId, zoneId, startsAt, endsAt, capacity, status,
        booked);
  }

  SessionRow withCapacity(Integer newCapacity) {
    return new SessionRow(id, kind, title, activity, trackId, roomId, zoneId, startsAt, endsAt, newCapacity, status,
        booked);
  }

  boolean isBooked() {
    return booked != null && booked > 0;
  }

  boolean isScheduled() {
    return "scheduled".equals(status);
  }

  boolean inRoom() {
    return roomId != null;
  }

  /** What a class's route holds of the session. */
  RuleQueries.RouteKey routeKey() {
    return new RuleQueries.RouteKey(trackId, activity);
  }
}
