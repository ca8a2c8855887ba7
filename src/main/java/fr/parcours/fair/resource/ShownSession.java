package fr.parcours.fair.resource;

import fr.parcours.fair.FairTimes;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A session as the programme shows it: references by slug, times on the fair's clock. Pages and
 * the dashboard read it; the API's JSON of the same row is {@link ResourceJson}'s.
 */
public record ShownSession(long id, String title, String description, String kind, String level, String track,
                           String room, String zone, String association, OffsetDateTime startsAt,
                           OffsetDateTime endsAt, int capacity, int booked, boolean cancelled) {

  /** A row of the sessions' view ({@link ResourceRepository#view}). */
  static ShownSession of(Row row, ZoneId zone) {
    return new ShownSession(row.getLong("id"), row.getString("title"), row.getString("description"),
        row.getString("kind"), row.getString("level"), row.getString("track"), row.getString("room"),
        row.getString("zone"), row.getString("association"), FairTimes.local(row.getOffsetDateTime("starts_at"), zone),
        FairTimes.local(row.getOffsetDateTime("ends_at"), zone), row.getInteger("capacity"), row.getInteger("booked"),
        "cancelled".equals(row.getString("status")));
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
