package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Rectangle;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;

/** Stand spots of one zone may not overlap on the floor plan: two stands cannot share floor. */
final class StandSpotRule implements ResourceRule {

  private final RuleQueries queries = new RuleQueries();

  @Override
  public Future<ResourceRow> beforeWrite(SqlConnection conn, Fair fair, ResourceRow stored, ResourceRow row) {
    Rectangle area = new Rectangle(row.decimal("x"), row.decimal("y"), row.decimal("width"), row.decimal("depth"));
    return queries.otherSpots(conn, row.ref("zone_id"), Rows.selfId(row.id())).map(others -> {
      others.stream().filter(other -> other.area().overlaps(area)).findFirst().ifPresent(other -> {
        throw AppException.conflict("STAND_SPOTS_OVERLAP", "x", Map.of("spot", other.number()));
      });
      return row;
    });
  }
}
