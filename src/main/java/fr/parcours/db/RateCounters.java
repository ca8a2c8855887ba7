package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL of the rate limits' fixed-window counters ({@code rate_counters}): one upsert counts a
 * request and reads its window in the same statement, so instances sharing the database count
 * together and two requests at once can never both read the count before either wrote it.
 */
public final class RateCounters {

  /** A key's count in its current window, this request included, and the seconds left in it. */
  public record Count(int hits, int secondsLeft) {
  }

  /**
   * Committed without waiting for the disk (synchronous_commit off for this statement's own
   * transaction): a count lost in a crash only lets a client a few requests more, while waiting
   * for the flush holds the row of a busy address (a school's NAT, a proxy) locked through an
   * fsync per request, and every booking counts two of these before it is placed.
   */
  private static final String RELAXED = "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)) ";
  private static final String UPSERT = "INSERT INTO rate_counters AS c (key_hash, window_ends, hits) "
      + "SELECT %s, now() + %s::int * interval '1 second', 1 FROM %s "
      + "ON CONFLICT (key_hash) DO UPDATE SET "
      + "hits = CASE WHEN c.window_ends <= now() THEN 1 ELSE c.hits + 1 END, "
      + "window_ends = CASE WHEN c.window_ends <= now() THEN EXCLUDED.window_ends ELSE c.window_ends END "
      + "RETURNING hits, GREATEST(ceil(extract(epoch FROM c.window_ends - now())), 1)::int AS seconds_left";
  private static final String HIT = RELAXED + UPSERT.formatted("$1", "$2", "relaxed");
  /** The second key counted only when the first is within its limit ($3), in the same statement. */
  private static final String HIT_BOTH = RELAXED
      + ", first AS (" + UPSERT.formatted("$1", "$2", "relaxed") + ")"
      + ", second AS (" + UPSERT.formatted("$4", "$5", "first WHERE first.hits <= $3") + ") "
      + "SELECT 1 AS nth, hits, seconds_left FROM first UNION ALL SELECT 2, hits, seconds_left FROM second ORDER BY nth";

  private final Pool pool;

  public RateCounters(Pool pool) {
    this.pool = pool;
  }

  /** Counts one request of the key; a window that has ended starts again with it. */
  public Future<Count> hit(byte[] keyHash, int windowSeconds) {
    return pool.preparedQuery(HIT).execute(Tuple.of(Buffer.buffer(keyHash), windowSeconds))
        .map(rows -> count(rows.iterator().next()));
  }

  /**
   * Counts one request of {@code first} and, only while that is within {@code firstMax}, of
   * {@code second}: one statement, one round trip and one commit where two hits in turn took two
   * of each. Answers the first count, then the second if it was counted.
   */
  public Future<List<Count>> hitBoth(byte[] first, int firstWindowSeconds, int firstMax, byte[] second,
                                     int secondWindowSeconds) {
    return pool.preparedQuery(HIT_BOTH).execute(Tuple.of(Buffer.buffer(first), firstWindowSeconds, firstMax,
            Buffer.buffer(second), secondWindowSeconds))
        .map(rows -> {
          List<Count> counts = new ArrayList<>();
          rows.forEach(row -> counts.add(count(row)));
          return counts;
        });
  }

  /** Takes one request back from the key's current window (a login that turned out right). */
  public Future<Void> giveBack(byte[] keyHash) {
    return pool.preparedQuery("UPDATE rate_counters SET hits = hits - 1 "
            + "WHERE key_hash = $1 AND hits > 0 AND window_ends > now()")
        .execute(Tuple.of(Buffer.buffer(keyHash))).mapEmpty();
  }

  /** Deletes the counters whose window has ended: they would start again at one anyway. */
  public Future<Integer> sweep() {
    return pool.query("DELETE FROM rate_counters WHERE window_ends <= now()").execute().map(rows -> rows.rowCount());
  }

  private static Count count(Row row) {
    return new Count(row.getInteger("hits"), row.getInteger("seconds_left"));
  }
}
