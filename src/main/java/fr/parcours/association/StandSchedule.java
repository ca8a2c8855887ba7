package fr.parcours.association;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlClient;

/**
 * The stand reservations an association's schedule shows. The stand feature provides them
 * (wired in Services); until it does, a schedule lists none.
 */
@FunctionalInterface
public interface StandSchedule {

  StandSchedule NONE = (client, fair, associationId) -> Future.succeededFuture(new JsonArray());

  Future<JsonArray> reservations(SqlClient client, Fair fair, long associationId);
}
