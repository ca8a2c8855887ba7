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

/** All the SQL of class requests. Methods take the client so the service decides the transaction. */
public final class RequestRepository {

  /**
   * The fair's requests still asking (status {@code requested}), as the allocator reads them:
   * choices by rank, windows by rank as instants of the fair's zone. Ordered by id only so that a
   * listing is stable; the allocator's outcome does not depend on it.
   */
  public Future<List<ClassRequest>> forAllocation(SqlClient db, long fairId) {
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
          rows.forEach(row -> requests.add(allocatorInput(row)));
          return requests;
        });
  }

  private static ClassRequest allocatorInput(Row row) {
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
