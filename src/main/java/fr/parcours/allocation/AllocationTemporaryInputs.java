package fr.parcours.allocation;

import fr.parcours.fair.Interval;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TEMPORARY, until the requests feature lands on main: its {@code RequestRepository.forAllocation}
 * and the fair's registration settings ({@code Fair.registration()}) replace these two reads,
 * and this file goes.
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

  static Future<List<ClassRequest>> forAllocation(SqlClient db, long fairId) {
    return db.preparedQuery("SELECT r.id, r.school_uai, r.pupils, r.adults, r.any_other, "
            + "ARRAY(SELECT c.track_id FROM class_request_choices c WHERE c.request_id = r.id ORDER BY c.rank) AS choices, "
            + "ARRAY(SELECT (w.day + w.arrival) AT TIME ZONE f.time_zone FROM class_request_windows w "
            + "WHERE w.request_id = r.id ORDER BY w.rank) AS starts, "
            + "ARRAY(SELECT (w.day + w.departure) AT TIME ZONE f.time_zone FROM class_request_windows w "
            + "WHERE w.request_id = r.id ORDER BY w.rank) AS ends "
            + "FROM class_requests r JOIN fairs f ON f.id = r.fair_id "
            + "WHERE r.fair_id = $1 AND r.status = 'requested' ORDER BY r.id")
        .execute(Tuple.of(fairId))
        .map(rows -> {
          List<ClassRequest> requests = new ArrayList<>();
          rows.forEach(row -> requests.add(request(row)));
          return requests;
        });
  }

  private static ClassRequest request(Row row) {
    OffsetDateTime[] starts = row.getArrayOfOffsetDateTimes("starts");
    OffsetDateTime[] ends = row.getArrayOfOffsetDateTimes("ends");
    List<Interval> windows = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      windows.add(new Interval(starts[i], ends[i]));
    }
    return new ClassRequest(row.getLong("id"), row.getString("school_uai"), row.getInteger("pupils"),
        row.getInteger("adults"), windows, Arrays.asList(row.getArrayOfLongs("choices")), row.getBoolean("any_other"));
  }
}
