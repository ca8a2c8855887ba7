package fr.parcours.db;

import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Idempotency-Key rows written in the same transaction as what the request creates, so a
 * retry, on any instance, replays the first answer and never creates twice; the same key with
 * another body is refused. Each feature keeps its keys in its own table
 * {@code (fair_id, key, body_hash, <idColumn>)}; names come from code, never from a request.
 */
public final class IdempotencyKeys {

  /** What the request gave, and whether this request created it (false for a replay). */
  public record Outcome<T>(T value, boolean created) {
  }

  private final String table;
  private final String idColumn;

  public IdempotencyKeys(String table, String idColumn) {
    this.table = table;
    this.idColumn = idColumn;
  }

  /** The SHA-256 of a request's canonical form, in hex: what a retry must repeat. */
  public static String fingerprint(String canonical) {
    return HexFormat.of().formatHex(Tokens.digest(canonical));
  }

  /**
   * Runs {@code create} if the key is new in this fair, else reads what the first request
   * created with {@code read}. {@code idOf} names the created row, stored against the key.
   */
  public <T> Future<Outcome<T>> once(SqlConnection conn, long fairId, String key, String fingerprint,
                                     Supplier<Future<T>> create, Function<T, Long> idOf,
                                     Function<Long, Future<T>> read) {
    return claim(conn, fairId, key, fingerprint).compose(claimed -> claimed
        ? create.get().compose(created -> link(conn, fairId, key, idOf.apply(created))
            .map(linked -> new Outcome<>(created, true)))
        : storedId(conn, fairId, key, fingerprint).compose(read).map(first -> new Outcome<>(first, false)));
  }

  /**
   * Claims the key; false when it is already taken. A concurrent claim of the same key waits
   * here until the first transaction ends, then sees its committed row.
   */
  private Future<Boolean> claim(SqlConnection conn, long fairId, String key, String fingerprint) {
    return conn.preparedQuery("INSERT INTO " + table + " (fair_id, key, body_hash) VALUES ($1, $2, decode($3, 'hex')) "
            + "ON CONFLICT DO NOTHING")
        .execute(Tuple.of(fairId, key, fingerprint))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Claims a group's keys in one statement, in key order (two groups claiming the same keys
   * cannot deadlock); returns the keys claimed. A key twice in the group is claimed once.
   */
  public Future<Set<String>> claimAll(SqlConnection conn, long fairId, List<String> keys, List<String> fingerprints) {
    return conn.preparedQuery("INSERT INTO " + table + " (fair_id, key, body_hash) "
            + "SELECT $1, k, decode(h, 'hex') FROM unnest($2::text[], $3::text[]) AS u(k, h) ORDER BY k "
            + "ON CONFLICT DO NOTHING RETURNING key")
        .execute(Tuple.of(fairId, keys.toArray(String[]::new), fingerprints.toArray(String[]::new)))
        .map(rows -> {
          Set<String> claimed = new HashSet<>();
          rows.forEach(row -> claimed.add(row.getString("key")));
          return claimed;
        });
  }

  /** What a key holds: the hash of its first request's body and what it created (null while that request runs). */
  public record Stored(String hash, Long id) {
  }

  /** The keys among {@code keys} that exist, as this transaction sees them (its own claims included). */
  public Future<Map<String, Stored>> stored(SqlConnection conn, long fairId, List<String> keys) {
    return conn.preparedQuery("SELECT key, encode(body_hash, 'hex') AS hash, " + idColumn + " AS id FROM " + table
            + " WHERE fair_id = $1 AND key = ANY($2::text[])")
        .execute(Tuple.of(fairId, (Object) keys.toArray(String[]::new)))
        .map(rows -> {
          Map<String, Stored> stored = new HashMap<>();
          rows.forEach(row -> stored.put(row.getString("key"), new Stored(row.getString("hash"), row.getLong("id"))));
          return stored;
        });
  }

  /** Stores what each claimed key's request created, in one statement: {@code ids} in the order of {@code keys}. */
  public Future<Void> linkAll(SqlConnection conn, long fairId, List<String> keys, List<Long> ids) {
    return conn.preparedQuery("UPDATE " + table + " t SET " + idColumn + " = l.id "
            + "FROM unnest($2::text[], $3::bigint[]) AS l(key, id) WHERE t.fair_id = $1 AND t.key = l.key")
        .execute(Tuple.of(fairId, keys.toArray(String[]::new), ids.toArray(Long[]::new))).mapEmpty();
  }

  /** Gives back, in one statement, claimed keys whose requests were refused. */
  public Future<Void> giveBackAll(SqlConnection conn, long fairId, List<String> keys) {
    return conn.preparedQuery("DELETE FROM " + table + " WHERE fair_id = $1 AND key = ANY($2::text[])")
        .execute(Tuple.of(fairId, (Object) keys.toArray(String[]::new))).mapEmpty();
  }

  /** Gives back a claimed key whose request was refused: a corrected retry may use it. */
  public Future<Void> giveBack(SqlConnection conn, long fairId, String key) {
    return conn.preparedQuery("DELETE FROM " + table + " WHERE fair_id = $1 AND key = $2")
        .execute(Tuple.of(fairId, key)).mapEmpty();
  }

  /** What the key's first request created; IDEMPOTENCY_KEY_REUSED when the body differs. */
  public Future<Long> storedId(SqlConnection conn, long fairId, String key, String fingerprint) {
    return conn.preparedQuery("SELECT encode(body_hash, 'hex') AS hash, " + idColumn + " AS id FROM " + table
            + " WHERE fair_id = $1 AND key = $2")
        .execute(Tuple.of(fairId, key))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (!row.getString("hash").equals(fingerprint)) {
            throw AppException.unprocessable("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key", Map.of());
          }
          return row.getLong("id");
        });
  }

  /** Stores what a claimed key's request created. */
  public Future<Void> link(SqlConnection conn, long fairId, String key, long id) {
    return conn.preparedQuery("UPDATE " + table + " SET " + idColumn + " = $3 WHERE fair_id = $1 AND key = $2")
        .execute(Tuple.of(fairId, key, id)).mapEmpty();
  }
}
