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
 * scheduled session holds at the same time nor in a zone beyond what it holds at once, and
 * never for fewer people than already booked.
 */
final class SessionRule implements ResourceRule {

  private final RuleQueries queries = new RuleQueries();

  @Override
  public Future<Void> beforeWrite(SqlConnection conn, Fair fair, Map<String, Object> stored,
                                  Map<String, Object> row) {
    return Future.succeededFuture(row)
        .map(r -> {
          SessionShape.complete(r);
          return Rows.period(fair, r);
        })
        .compose(period -> checkRouteKept(stored, row)
            .compose(ok -> checkCapacity(conn, row))
            .compose(limit -> checkRoomFree(conn, row, period).map(limit))
            .compose(limit -> checkZoneHolds(conn, row, period, limit)));
  }

  /** Booked people keep their places: a session with bookings is cancelled, not deleted. */
  @Override
  public Future<Void> beforeDelete(SqlConnection conn, Fair fair, Map<String, Object> row) {
    if (isBooked(row)) {
      return Future.failedFuture(AppException.conflict("SESSION_HAS_BOOKINGS",
          "The session has bookings: cancel it instead (PATCH status=cancelled)"));
    }
    return Future.succeededFuture();
  }

  private static boolean isBooked(Map<String, Object> row) {
    Integer booked = (Integer) row.get("booked");
    return booked != null && booked > 0;
  }

  /**
   * Booked classes hold a route through the session's track and activity: changing either
   * would leave them on a route they never chose. Times, place and capacity may change: the
   * booking side re-routes classes after such edits.
   */
  private static Future<Void> checkRouteKept(Map<String, Object> stored, Map<String, Object> row) {
    List<String> changed = isBooked(row)
        ? RuleQueries.RouteKey.of(row).changedFrom(RuleQueries.RouteKey.of(stored))
        : List.of();
    if (changed.isEmpty()) {
      return Future.succeededFuture();
    }
    String message = "may not change: classes have booked a route through this session";
    return Future.failedFuture(new AppException(AppException.Kind.CONFLICT, "SESSION_HAS_BOOKINGS",
        String.join(", ", changed) + " " + message,
        changed.stream().map(field -> new FieldError(field, message)).toList()));
  }

  /** Completes and checks the session's capacity; answers its place's (null for a zone that sets none). */
  private Future<Integer> checkCapacity(SqlConnection conn, Map<String, Object> row) {
    boolean inRoom = row.get("room_id") != null;
    long placeId = (Long) (inRoom ? row.get("room_id") : row.get("zone_id"));
    return queries.capacity(conn, inRoom ? "rooms" : "zones", placeId)
        .map(limit -> {
          SessionShape.fitCapacity(row, limit, inRoom ? "room" : "zone");
          return limit;
        });
  }

  private Future<Void> checkRoomFree(SqlConnection conn, Map<String, Object> row, Interval period) {
    if (row.get("room_id") == null || !isScheduled(row)) {
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

  /** Sessions sharing a zone at the same time share its capacity (a hall's fire limit, say). */
  private Future<Void> checkZoneHolds(SqlConnection conn, Map<String, Object> row, Interval period, Integer limit) {
    Long zoneId = (Long) row.get("zone_id");
    if (zoneId == null || limit == null || !isScheduled(row)) {
      return Future.succeededFuture();
    }
    return queries.zonePeak(conn, zoneId, period, Rows.selfId(row)).map(others -> {
      int atOnce = others + (Integer) row.get("capacity");
      if (atOnce > limit) {
        throw AppException.conflict("ZONE_FULL", "capacity",
            "would bring the zone to " + atOnce + " people at once, over its capacity of " + limit);
      }
      return null;
    });
  }

  private static boolean isScheduled(Map<String, Object> row) {
    return "scheduled".equals(row.get("status"));
  }
}
