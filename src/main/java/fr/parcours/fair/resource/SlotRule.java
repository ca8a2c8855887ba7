package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;

/** Slots lie within a day's opening hours and never overlap: they are the grid sessions fit in. */
final class SlotRule implements ResourceRule {

  private final RuleQueries queries = new RuleQueries();

  @Override
  public Future<ResourceRow> beforeWrite(SqlConnection conn, Fair fair, ResourceRow stored, ResourceRow row) {
    return Future.succeededFuture(row).map(r -> Rows.period(fair, r))
        .compose(period -> queries.slotOverlaps(conn, fair.id(), period, Rows.selfId(row.id())))
        .map(overlaps -> {
          if (overlaps) {
            throw AppException.conflict("SLOTS_OVERLAP", "starts_at", Map.of());
          }
          return row;
        });
  }
}
