package fr.parcours.fair.resource;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;

/**
 * The rules of one kind of resource beyond field validation, run inside the write's
 * transaction while the fair is locked, so that two writers never both pass a check.
 */
interface ResourceRule {

  ResourceRule NONE = new ResourceRule() {
  };

  /**
   * Checks the row about to be stored (columns to values; "id" present on an update), and may
   * complete it (defaults that depend on other rows). {@code stored} is the row as it was before
   * this write (empty for a creation). Fails with an AppException to refuse.
   */
  default Future<Void> beforeWrite(SqlConnection conn, Fair fair, Map<String, Object> stored, Map<String, Object> row) {
    return Future.succeededFuture();
  }

  default Future<Void> beforeDelete(SqlConnection conn, Fair fair, Map<String, Object> row) {
    return Future.succeededFuture();
  }
}
