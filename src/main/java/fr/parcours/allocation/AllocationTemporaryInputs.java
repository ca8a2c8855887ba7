package fr.parcours.allocation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;

/**
 * TEMPORARY, until the requests feature's fair settings land on main: {@code Fair.registration()}
 * replaces this read, and this file goes.
 */
final class AllocationTemporaryInputs {

  /** The fair's registration mode and request window, as the allocation reads them. */
  record Registration(String mode, OffsetDateTime requestsOpen, OffsetDateTime requestsClose,
                      OffsetDateTime allocationAt) {

    boolean allocation() {
      return "allocation".equals(mode);
    }
  }

  private AllocationTemporaryInputs() {
  }

  static Future<Registration> registration(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT registration_mode, requests_open_at, requests_close_at, allocation_at FROM fairs "
            + "WHERE id = $1").execute(Tuple.of(fairId))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Registration(row.getString("registration_mode"), row.getOffsetDateTime("requests_open_at"),
              row.getOffsetDateTime("requests_close_at"), row.getOffsetDateTime("allocation_at"));
        });
  }
}
