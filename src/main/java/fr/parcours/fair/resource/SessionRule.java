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
  public Future<ResourceRow> beforeWrite(SqlConnection conn, Fair fair, ResourceRow stored, ResourceRow row) {
    SessionRow session = SessionShape.complete(SessionRow.of(row));
    Interval period = Rows.period(fair, session.startsAt(), session.endsAt());
    String place = session.inRoom() ? "room" : "zone";
    return checkRouteKept(SessionRow.of(stored), session)
        .compose(ok -> queries.capacity(conn, place + "s", session.inRoom() ? session.roomId() : session.zoneId()))
        .compose(limit -> {
          SessionRow fitted = SessionShape.fitCapacity(session, limit, place);
          return checkRoomFree(conn, fitted, period)
              .compose(free -> checkZoneHolds(conn, fitted, period, limit))
              .map(holds -> fitted.into(row));
        });
  }

  /** Booked people keep their places: a session with bookings is cancelled, not deleted. */
  @Override
  public Future<Void> beforeDelete(SqlConnection conn, Fair fair, ResourceRow row) {
    if (SessionRow.of(row).isBooked()) {
      return Future.failedFuture(AppException.conflict("SESSION_HAS_BOOKINGS", Map.of("reason", "delete")));
    }
    return Future.succeededFuture();
  }

  /**
   * Booked classes hold a route through the session's track and activity: changing either
   * would leave them on a route they never chose. Times, place and capacity may change: the
   * booking side re-routes classes after such edits.
   */
  private static Future<Void> checkRouteKept(SessionRow stored, SessionRow row) {
    List<String> changed = row.isBooked() ? row.routeKey().changedFrom(stored.routeKey()) : List.of();
    if (changed.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, Object> params = Map.of("reason", "route", "fields", changed.stream().map(Field::of).toList());
    return Future.failedFuture(new AppException(AppException.Kind.CONFLICT, "SESSION_HAS_BOOKINGS", params,
        changed.stream().map(field -> FieldError.of(field, "SESSION_HAS_BOOKINGS", Map.of("reason", "route"))).toList()));
  }

  private Future<Void> checkRoomFree(SqlConnection conn, SessionRow row, Interval period) {
    if (!row.inRoom() || !row.isScheduled()) {
      return Future.succeededFuture();
    }
    return queries.roomTakenBy(conn, row.roomId(), period, Rows.selfId(row.id())).map(taken -> {
      taken.ifPresent(title -> {
        Map<String, Object> params = Map.of("title", title);
        throw new AppException(AppException.Kind.CONFLICT, "ROOM_TAKEN", params,
            List.of(FieldError.of("starts_at", "ROOM_TAKEN", params), FieldError.of("room", "ROOM_TAKEN", params)));
      });
      return null;
    });
  }

  /** Sessions sharing a zone at the same time share its capacity (a hall's fire limit, say). */
  private Future<Void> checkZoneHolds(SqlConnection conn, SessionRow row, Interval period, Integer limit) {
    if (row.zoneId() == null || limit == null || !row.isScheduled()) {
      return Future.succeededFuture();
    }
    return queries.zonePeak(conn, row.zoneId(), period, Rows.selfId(row.id())).map(others -> {
      int atOnce = others + row.capacity();
      if (atOnce > limit) {
        throw AppException.conflict("ZONE_FULL", "capacity", Map.of("at_once", atOnce, "limit", limit));
      }
      return null;
    });
  }
}
