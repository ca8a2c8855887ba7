package fr.parcours.mail;

import fr.parcours.mail.MailSender.InvalidRecipientException;
import fr.parcours.mail.OutboxRepository.Pending;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one due message per transaction: claim, send, record the outcome, commit. A failure
 * to record one outcome then rolls back only that message, never the status of others already
 * sent. A crash between sending and committing sends that one message again (at least once).
 */
final class OutboxDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  private final Vertx vertx;
  private final Pool pool;
  private final MailSender sender;
  private final OutboxRepository repository = new OutboxRepository();

  OutboxDelivery(Vertx vertx, Pool pool, MailSender sender) {
    this.vertx = vertx;
    this.pool = pool;
    this.sender = sender;
  }

  /** Delivers the oldest due message; false when none is due (or others hold the due ones). */
  Future<Boolean> deliverNext() {
    return pool.withTransaction(conn -> repository.claimNextDue(conn)
        .compose(claimed -> claimed.isEmpty()
            ? Future.succeededFuture(false)
            : deliver(conn, claimed.get()).map(true)));
  }

  private Future<Void> deliver(SqlClient conn, Pending pending) {
    return send(pending).compose(
        sent -> repository.markSent(conn, pending.id()),
        error -> recordFailure(conn, pending, error));
  }

  private Future<Void> send(Pending pending) {
    return vertx.executeBlocking(() -> {
      sender.send(pending.id(), pending.message());
      return null;
    }, false);
  }

  private Future<Void> recordFailure(SqlClient conn, Pending pending, Throwable error) {
    if (error instanceof InvalidRecipientException) {
      LOG.error("Message {} ({}) can never be sent, given up: {}", pending.id(), pending.message().kind(),
          error.getMessage());
      return repository.markFailed(conn, pending.id(), describe(error));
    }
    int failures = pending.attempts() + 1;
    logRetry(pending, failures, error);
    return repository.scheduleRetry(conn, pending.id(), RetryPolicy.delayAfter(failures), describe(error));
  }

  private static void logRetry(Pending pending, int failures, Throwable error) {
    String text = "Message {} ({}) to {} not sent, attempt {}, will retry: {}";
    Object[] args = {pending.id(), pending.message().kind(), pending.message().recipient(), failures, describe(error)};
    if (RetryPolicy.needsOperator(failures)) {
      LOG.error(text, args);
    } else {
      LOG.warn(text, args);
    }
  }

  private static String describe(Throwable error) {
    return error.getMessage() != null ? error.getMessage() : error.getClass().getName();
  }
}
