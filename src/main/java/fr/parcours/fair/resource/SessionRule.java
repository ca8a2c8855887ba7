package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Interval;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.Map;

/**
 * A session takes place in a room or a zone, within a fair day, never in a room another
 * scheduled session holds at the same time, and never for fewer people than already booked.
 */
final class SessionRule implements ResourceRule {

  static final List<String> KINDS = List.of("talk", "workshop", "testimony", "stand_time");

  private final RuleQueries queries = new RuleQueries();

  @Override
  public Future<Void> beforeWrite(SqlConnection conn, Fair fair, Map<String, Object> row) {
    return Future.succeededFuture(row)
        .map(r -> {
          SessionShape.complete(r);
          return Rows.period(fair, r);
        })
        .compose(period -> checkCapacity(conn, row).compose(ok -> checkRoomFree(conn, row, period)));
  }

  /** Booked people keep their places: a session with bookings is cancelled, not deleted. */
  @Override
  public Future<Void> beforeDelete(SqlConnection conn, Fair fair, Map<String, Object> row) {
    if ((Integer) row.get("booked") > 0) {
      return Future.failedFuture(AppException.conflict("SESSION_HAS_BOOKINGS",
          "The session has bookings: cancel it instead (PATCH status=cancelled)"));
    }
    return Future.succeededFuture();
  }

  private Future<Void> checkCapacity(SqlConnection conn, Map<String, Object> row) {
    boolean inRoom = row.get("room_id") != null;
    long placeId = (Long) (inRoom ? row.get("room_id") : row.get("zone_id"));
    return queries.capacity(conn, inRoom ? "rooms" : "zones", placeId)
        .map(limit -> {
          SessionShape.fitCapacity(row, limit, inRoom ? "room" : "zone");
          return null;
        });
  }

  private Future<Void> checkRoomFree(SqlConnection conn, Map<String, Object> row, Interval period) {
    if (row.get("room_id") == null || !"scheduled".equals(row.get("status"))) {
      return Future.succeededFuture();
    }
    return queries.roomTakenBy(conn, (Long) row.get("room_id"), period, Rows.selfId(row)).map(taken -> {
      taken.ifPresent(title -> {
        String message = "the room already holds \"" + title + "\" at that time";
        throw new AppException(AppException.Kind.CONFLICT, "ROOM_TAKEN", "The room is taken: " + message,
            List.of(new FieldError("starts_at", message), new FieldError("room", message)));
      });
      return null;
    });
  }
}
