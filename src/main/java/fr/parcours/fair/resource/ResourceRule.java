package fr.parcours.fair.resource;

import fr.parcours.fair.Fair;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * The rules of one kind of resource beyond field validation, run inside the write's
 * transaction while the fair is locked, so that two writers never both pass a check.
 */
interface ResourceRule {

  ResourceRule NONE = new ResourceRule() {
  };

  /**
   * Checks the row about to be stored (its id present on an update) and answers it as it will
   * be stored, completed where defaults depend on other rows. {@code stored} is the row as it was
   * before this write (empty for a creation). Fails with an AppException to refuse.
   */
  default Future<ResourceRow> beforeWrite(SqlConnection conn, Fair fair, ResourceRow stored, ResourceRow row) {
    return Future.succeededFuture(row);
  }

  default Future<Void> beforeDelete(SqlConnection conn, Fair fair, ResourceRow row) {
    return Future.succeededFuture();
  }
}
