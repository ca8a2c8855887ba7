package fr.parcours.fair.resource;

import fr.parcours.db.Results;
import fr.parcours.fair.Interval;
import fr.parcours.fair.Rectangle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The reads the resource rules need about sibling rows; {@code selfId} -1 when creating. */
final class RuleQueries {

  /** A stand spot's number and footprint. */
  record Spot(String number, Rectangle area) {
  }

  Future<List<Spot>> otherSpots(SqlConnection conn, long zoneId, long selfId) {
    return conn.preparedQuery("SELECT number, x, y, width, depth FROM stand_spots WHERE zone_id = $1 AND id <> $2")
        .execute(Tuple.of(zoneId, selfId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(RuleQueries::spot).toList());
  }

  Future<Boolean> slotOverlaps(SqlConnection conn, long fairId, Interval period, long selfId) {
    return exists(conn, "SELECT 1 FROM slots WHERE fair_id = $1 AND id <> $2 AND starts_at < $4 AND ends_at > $3",
        Tuple.of(fairId, selfId, period.start(), period.end()));
  }

  /** The title of a scheduled session already in the room during the period, if any. */
  Future<Optional<String>> roomTakenBy(SqlConnection conn, long roomId, Interval period, long selfId) {
    return conn.preparedQuery("SELECT title FROM sessions WHERE room_id = $1 AND id <> $2 AND status = 'scheduled' "
            + "AND starts_at < $4 AND ends_at > $3 LIMIT 1")
        .execute(Tuple.of(roomId, selfId, period.start(), period.end()))
        .map(rows -> Results.first(rows).map(row -> row.getString("title")));
  }

  /** The capacity of the room or zone with that id (null for a zone that sets none). */
  Future<Integer> capacity(SqlConnection conn, String table, long id) {
    return conn.preparedQuery("SELECT capacity FROM " + table + " WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getInteger("capacity"));
  }

  private static Future<Boolean> exists(SqlConnection conn, String sql, Tuple params) {
    return conn.preparedQuery(sql).execute(params).map(rows -> rows.size() > 0);
  }

  private static Spot spot(Row row) {
    return new Spot(row.getString("number"), new Rectangle(row.getNumeric("x").doubleValue(),
        row.getNumeric("y").doubleValue(), row.getNumeric("width").doubleValue(), row.getNumeric("depth").doubleValue()));
  }
}
