package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Interval;
import fr.parcours.i18n.Field;
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
      return Future.failedFuture(AppException.conflict("SESSION_HAS_BOOKINGS", Map.of("reason", "delete")));
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
    Map<String, Object> params = Map.of("reason", "route", "fields", changed.stream().map(Field::of).toList());
    return Future.failedFuture(new AppException(AppException.Kind.CONFLICT, "SESSION_HAS_BOOKINGS", params,
        changed.stream().map(field -> FieldError.of(field, "SESSION_HAS_BOOKINGS", Map.of("reason", "route"))).toList()));
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
        Map<String, Object> params = Map.of("title", title);
        throw new AppException(AppException.Kind.CONFLICT, "ROOM_TAKEN", params,
            List.of(FieldError.of("starts_at", "ROOM_TAKEN", params), FieldError.of("room", "ROOM_TAKEN", params)));
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
        throw AppException.conflict("ZONE_FULL", "capacity", Map.of("at_once", atOnce, "limit", limit));
      }
      return null;
    });
  }

  private static boolean isScheduled(Map<String, Object> row) {
    return "scheduled".equals(row.get("status"));
  }
}
