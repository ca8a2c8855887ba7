package fr.parcours.association;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlClient;

/** The stand reservations an association's schedule shows; the stand feature provides them (wired in Services). */
@FunctionalInterface
public interface StandSchedule {

  Future<JsonArray> reservations(SqlClient client, Fair fair, long associationId);
}
