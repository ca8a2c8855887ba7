package fr.parcours.mail;

import fr.parcours.db.Results;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.Optional;

/** All the SQL of the outbox. Methods take the client so the caller decides the transaction. */
final class OutboxRepository {

  /** A message waiting for delivery, with the attempts already made. */
  record Pending(long id, int attempts, Message message) {
  }

  static final String CHANNEL = "parcours_outbox";

  /** Queues the message; the NOTIFY is delivered at commit and wakes a worker on any instance. */
  Future<Void> insert(SqlClient db, Message message) {
    return db.preparedQuery("INSERT INTO outbox (kind, recipient, subject, body) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(message.kind(), message.recipient(), message.subject(), message.body()))
        .compose(inserted -> db.query("NOTIFY " + CHANNEL).execute())
        .mapEmpty();
  }

  /**
   * Locks the oldest due message until the transaction ends; SKIP LOCKED lets the workers of
   * other instances take the next one meanwhile instead of sending the same one again.
   */
  Future<Optional<Pending>> claimNextDue(SqlClient db) {
    return db.query("SELECT id, kind, recipient, subject, body, attempts FROM outbox "
            + "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() "
            + "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
        .execute()
        .map(rows -> Results.first(rows).map(OutboxRepository::pending));
  }

  Future<Void> markSent(SqlClient db, long id) {
    return db.preparedQuery("UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = $1")
        .execute(Tuple.of(id))
        .mapEmpty();
  }

  Future<Void> scheduleRetry(SqlClient db, long id, Duration delay, String error) {
    return db.preparedQuery("UPDATE outbox SET attempts = attempts + 1, last_error = $2, "
            + "next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1")
        .execute(Tuple.of(id, error, (double) delay.toSeconds()))
        .mapEmpty();
  }

  Future<Void> markFailed(SqlClient db, long id, String error) {
    return db.preparedQuery("UPDATE outbox SET attempts = attempts + 1, last_error = $2, failed_at = now() "
            + "WHERE id = $1")
        .execute(Tuple.of(id, error))
        .mapEmpty();
  }

  private static Pending pending(Row row) {
    return new Pending(row.getLong("id"), row.getInteger("attempts"), new Message(row.getString("kind"),
        row.getString("recipient"), row.getString("subject"), row.getString("body")));
  }
}
