package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;

/**
 * A room or a zone never holds fewer people than the sessions placed in it: lowering its
 * capacity would leave sessions (and their bookings) promised more seats than it has. A zone
 * must also hold the scheduled sessions it hosts at the same time.
 */
final class PlaceRule implements ResourceRule {

  private final RuleQueries queries = new RuleQueries();
  private final String place;

  /** {@code place}: "room" or "zone", as the sessions' column and the error code name it. */
  PlaceRule(String place) {
    this.place = place;
  }

  @Override
  public Future<ResourceRow> beforeWrite(SqlConnection conn, Fair fair, ResourceRow stored, ResourceRow row) {
    Integer capacity = row.whole("capacity");
    if (row.isNew() || capacity == null) {
      return Future.succeededFuture(row);
    }
    long id = row.id();
    return queries.largestSession(conn, place + "_id", id)
        .compose(largest -> "zone".equals(place)
            ? queries.zonePeak(conn, id, RuleQueries.ALWAYS, -1).map(peak -> Math.max(largest, peak))
            : Future.succeededFuture(largest))
        .map(needed -> {
          if (capacity < needed) {
            throw AppException.conflict(place.toUpperCase() + "_TOO_SMALL", "capacity", Map.of("needed", needed));
          }
          return row;
        });
  }
}
