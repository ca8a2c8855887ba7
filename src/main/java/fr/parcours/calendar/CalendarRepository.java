package fr.parcours.calendar;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL behind the calendar feeds. */
final class CalendarRepository {

  /** A class booking's feed: every session its route holds or once held. */
  record BookingFeed(String name, ZoneId zone, List<CalendarEvent> events) {
  }

  private static final String BOOKING = "SELECT b.id, b.class_name, b.school_name, f.name AS fair_name, "
      + "f.time_zone, t.name AS track_name FROM bookings b JOIN fairs f ON f.id = b.fair_id "
      + "JOIN tracks t ON t.id = b.track_id WHERE b.manage_token = $1";

  // A released place (route changed, booking cancelled) stays in the feed as cancelled.
  private static final String ROUTE = "SELECT bs.session_id, bs.revision, bs.released_at, "
      + "greatest(bs.updated_at, s.updated_at) AS modified_at, s.title, s.status, s.sequence, s.starts_at, s.ends_at, "
      + "concat_ws(', ', r.name, v.name, v.address) AS location "
      + "FROM booking_sessions bs JOIN sessions s ON s.id = bs.session_id "
      + "LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN venues v ON v.id = r.venue_id "
      + "WHERE bs.booking_id = $1 ORDER BY s.starts_at, s.id";

  private final Pool pool;

  CalendarRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Optional<BookingFeed>> bookingFeed(String token) {
    return pool.preparedQuery(BOOKING).execute(Tuple.of(token)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      Row booking = rows.iterator().next();
      String name = booking.getString("fair_name") + " — " + booking.getString("class_name")
          + " (" + booking.getString("school_name") + ")";
      String description = booking.getString("fair_name") + " · " + booking.getString("track_name");
      return pool.preparedQuery(ROUTE).execute(Tuple.of(booking.getLong("id")))
          .map(route -> Optional.of(new BookingFeed(name, ZoneId.of(booking.getString("time_zone")),
              events(booking.getLong("id"), description, route))));
    });
  }

  private static List<CalendarEvent> events(long bookingId, String description, Iterable<Row> route) {
    List<CalendarEvent> events = new ArrayList<>();
    for (Row row : route) {
      boolean cancelled = row.getOffsetDateTime("released_at") != null || "cancelled".equals(row.getString("status"));
      events.add(new CalendarEvent(
          "booking-" + bookingId + "-session-" + row.getLong("session_id") + "@parcours",
          row.getString("title"),
          description,
          row.getString("location"),
          row.getOffsetDateTime("starts_at"),
          row.getOffsetDateTime("ends_at"),
          // Both parts only grow: the session's own edits and this booking's changes to it.
          row.getInteger("sequence") + row.getInteger("revision"),
          cancelled,
          row.getOffsetDateTime("modified_at")));
    }
    return events;
  }
}
