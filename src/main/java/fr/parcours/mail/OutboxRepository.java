package fr.parcours.mail;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** All the SQL of the outbox. Methods take the client so the caller decides the transaction. */
final class OutboxRepository {

  /**
   * A message claimed for delivery: its attempt number (this one included), whether an earlier
   * attempt's outcome was never recorded (it may have been delivered: this is then a repeat),
   * and when it was queued (part of its Message-ID).
   */
  record Pending(long id, int attempts, boolean repeat, OffsetDateTime createdAt, Message message) {
  }

  static final String CHANNEL = "parcours_outbox";

  /** Queues the message; the NOTIFY is delivered at commit and wakes a worker on any instance. */
  Future<Void> insert(SqlClient db, Message message) {
    return db.preparedQuery("INSERT INTO outbox (kind, recipient, subject, body) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(message.kind(), message.recipient(), message.subject(), message.body()))
        .compose(inserted -> db.query("NOTIFY " + CHANNEL).execute())
        .mapEmpty();
  }

  /** Queues the messages in one statement, ids in list order; one NOTIFY for them all. */
  Future<Void> insertAll(SqlClient db, List<Message> messages) {
    Future<?> inserted = db.preparedQuery("INSERT INTO outbox (kind, recipient, subject, body) "
            + "SELECT k, r, s, b FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS m(k, r, s, b, n) "
            + "ORDER BY n")
        .execute(Tuple.of(column(messages, Message::kind), column(messages, Message::recipient),
            column(messages, Message::subject), column(messages, Message::body)));
    // Sent at once with the insert (the connection pipelines them): one round trip.
    Future<?> notified = db.query("NOTIFY " + CHANNEL).execute();
    return Future.all(inserted, notified).mapEmpty();
  }

  private static String[] column(List<Message> messages, Function<Message, String> field) {
    return messages.stream().map(field).toArray(String[]::new);
  }

  /**
   * Claims the oldest due messages (at most {@code limit}) in one committed statement, before
   * anything is sent: each attempt is counted, and the messages are not due again before {@code
   * lease} runs out (the sender records the outcomes well before; if it dies, another instance
   * takes them then). SKIP LOCKED lets the workers of other instances claim the next ones
   * meanwhile. In queue order.
   */
  Future<List<Pending>> claimDue(SqlClient db, Duration lease, int limit) {
    return db.preparedQuery("WITH due AS (SELECT id, claimed_at IS NOT NULL AS repeat FROM outbox "
            + "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() "
            + "ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) "
            + "UPDATE outbox o SET attempts = o.attempts + 1, repeats = o.repeats + due.repeat::int, "
            + "next_attempt_at = now() + make_interval(secs => $1), claimed_at = now() FROM due WHERE o.id = due.id "
            + "RETURNING o.id, o.kind, o.recipient, o.subject, o.body, o.attempts, o.created_at, due.repeat")
        .execute(Tuple.of((double) lease.toSeconds(), limit))
        .map(rows -> {
          List<Pending> claimed = new ArrayList<>();
          rows.forEach(row -> claimed.add(pending(row)));
          claimed.sort(Comparator.comparingLong(Pending::id));
          return claimed;
        });
  }

  /** Records the messages sent, in one statement. */
  Future<Void> markSent(SqlClient db, List<Long> ids) {
    return db.preparedQuery("UPDATE outbox SET sent_at = now(), claimed_at = NULL WHERE id = ANY($1::bigint[])")
        .execute(Tuple.of((Object) ids.toArray(Long[]::new)))
        .mapEmpty();
  }

  /**
   * Hands back claims never tried: due again at once, their attempt and repeat uncounted, a first
   * attempt unclaimed (so that the next claim does not count it a repeat).
   */
  Future<Void> release(SqlClient db, List<Pending> untried) {
    return db.preparedQuery("UPDATE outbox o SET attempts = o.attempts - 1, repeats = o.repeats - r.repeat::int, "
            + "claimed_at = CASE WHEN r.repeat THEN o.claimed_at END, next_attempt_at = now() "
            + "FROM unnest($1::bigint[], $2::bool[]) AS r(id, repeat) WHERE o.id = r.id")
        .execute(Tuple.of(untried.stream().map(Pending::id).toArray(Long[]::new),
            (Object) untried.stream().map(Pending::repeat).toArray(Boolean[]::new)))
        .mapEmpty();
  }

  Future<Void> scheduleRetry(SqlClient db, long id, Duration delay, String error) {
    return db.preparedQuery("UPDATE outbox SET last_error = $2, claimed_at = NULL, "
            + "next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1")
        .execute(Tuple.of(id, error, (double) delay.toSeconds()))
        .mapEmpty();
  }

  Future<Void> markFailed(SqlClient db, long id, String error) {
    return db.preparedQuery("UPDATE outbox SET last_error = $2, failed_at = now(), claimed_at = NULL WHERE id = $1")
        .execute(Tuple.of(id, error))
        .mapEmpty();
  }

  private static Pending pending(Row row) {
    return new Pending(row.getLong("id"), row.getInteger("attempts"), row.getBoolean("repeat"),
        row.getOffsetDateTime("created_at"), new Message(row.getString("kind"), row.getString("recipient"),
        row.getString("subject"), row.getString("body")));
  }
}
