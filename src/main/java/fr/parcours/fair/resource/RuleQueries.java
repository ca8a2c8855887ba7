package fr.parcours.fair.resource;

import fr.parcours.db.Results;
import fr.parcours.fair.Interval;
import fr.parcours.fair.Rectangle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The reads the resource rules need about sibling rows; {@code selfId} -1 when creating. */
final class RuleQueries {

  /** Every time a session can take place: the whole range PostgreSQL stores. */
  static final Interval ALWAYS = new Interval(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
      OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC));

  /** What a class's route holds of a session: its track and activity. */
  record RouteKey(Long trackId, String activity) {

    /** The API names of the fields that differ from {@code other}. */
    List<String> changedFrom(RouteKey other) {
      List<String> changed = new ArrayList<>();
      if (!Objects.equals(trackId, other.trackId)) {
        changed.add("track");
      }
      if (!Objects.equals(activity, other.activity)) {
        changed.add("activity");
      }
      return changed;
    }
  }

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

  /** The largest capacity among the sessions (whatever their status) in the room or zone; 0 when none. */
  Future<Integer> largestSession(SqlConnection conn, String placeColumn, long placeId) {
    return conn.preparedQuery("SELECT coalesce(max(capacity), 0) AS n FROM sessions WHERE " + placeColumn + " = $1")
        .execute(Tuple.of(placeId))
        .map(rows -> rows.iterator().next().getInteger("n"));
  }

  /**
   * The most people the zone's other scheduled sessions hold at one moment of the period; 0 when
   * none. The sum only rises when a session starts, so the peak is at one of their starts (or at
   * the period's start for a session begun before it).
   */
  Future<Integer> zonePeak(SqlConnection conn, long zoneId, Interval period, long selfId) {
    return conn.preparedQuery("WITH others AS (SELECT starts_at, ends_at, capacity FROM sessions "
            + "WHERE zone_id = $1 AND id <> $2 AND status = 'scheduled' AND starts_at < $4 AND ends_at > $3) "
            + "SELECT coalesce(max((SELECT sum(o.capacity) FROM others o "
            + "WHERE o.starts_at <= greatest(p.starts_at, $3) AND o.ends_at > greatest(p.starts_at, $3))), 0) AS n "
            + "FROM others p")
        .execute(Tuple.of(zoneId, selfId, period.start(), period.end()))
        .map(rows -> rows.iterator().next().getInteger("n"));
  }

  private static Future<Boolean> exists(SqlConnection conn, String sql, Tuple params) {
    return conn.preparedQuery(sql).execute(params).map(rows -> rows.size() > 0);
  }

  private static Spot spot(Row row) {
    return new Spot(row.getString("number"), new Rectangle(row.getNumeric("x").doubleValue(),
        row.getNumeric("y").doubleValue(), row.getNumeric("width").doubleValue(), row.getNumeric("depth").doubleValue()));
  }
}
