package fr.parcours.programme;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;

/** A session as the programme pages and the dashboard read it from the programme document. */
public record ShownSession(long id, String title, String description, String kind, String level, String track,
                           String room, String zone, String association, OffsetDateTime startsAt,
                           OffsetDateTime endsAt, int capacity, int booked, boolean cancelled) {

  public static ShownSession of(JsonObject json) {
    return new ShownSession(json.getLong("id"), json.getString("title"), json.getString("description", ""),
        json.getString("kind"), json.getString("level", ""), json.getString("track"), json.getString("room"),
        json.getString("zone"), json.getString("association"), OffsetDateTime.parse(json.getString("starts_at")),
        OffsetDateTime.parse(json.getString("ends_at")), json.getInteger("capacity"),
        json.getInteger("booked", 0), "cancelled".equals(json.getString("status")));
  }

  public int left() {
    return Math.max(0, capacity - booked);
  }

  /** The room or, for time at the stands, the zone it takes place in (a slug). */
  public String place() {
    return room != null ? room : zone;
  }

  /** The local date, as the programme document writes times in the fair's zone. */
  public String day() {
    return startsAt.toLocalDate().toString();
  }

  /** "09:00 – 09:30", the fair's wall clock. */
  public String clock() {
    return startsAt.toLocalTime() + " – " + endsAt.toLocalTime();
  }
}
