package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

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
  private static final String HIT = "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)) "
      + "INSERT INTO rate_counters AS c (key_hash, window_ends, hits) "
      + "SELECT $1, now() + $2::int * interval '1 second', 1 FROM relaxed "
      + "ON CONFLICT (key_hash) DO UPDATE SET "
      + "hits = CASE WHEN c.window_ends <= now() THEN 1 ELSE c.hits + 1 END, "
      + "window_ends = CASE WHEN c.window_ends <= now() THEN EXCLUDED.window_ends ELSE c.window_ends END "
      + "RETURNING hits, GREATEST(ceil(extract(epoch FROM c.window_ends - now())), 1)::int AS seconds_left";

  private final Pool pool;

  public RateCounters(Pool pool) {
    this.pool = pool;
  }

  /** Counts one request of the key; a window that has ended starts again with it. */
  public Future<Count> hit(byte[] keyHash, int windowSeconds) {
    return pool.preparedQuery(HIT).execute(Tuple.of(Buffer.buffer(keyHash), windowSeconds))
        .map(rows -> count(rows.iterator().next()));
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
