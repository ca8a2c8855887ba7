package fr.parcours.mail;

import fr.parcours.mail.MailSender.InvalidRecipientException;
import fr.parcours.mail.OutboxRepository.Pending;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Delivers one due message: claim it (the attempt counted and committed), send it outside any
 * transaction, record the outcome. Delivery never depends on a transaction surviving the send.
 * A sender that dies or loses the database between sending and recording leaves the claim in
 * place; once its lease runs out another instance sends the message again, with the same
 * Message-ID, and counts the repeat in the row (at least once, a repeat folded by mail clients).
 */
final class OutboxDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  private final Vertx vertx;
  private final Pool pool;
  private final MailSender sender;
  private final Duration lease;
  private final OutboxRepository repository = new OutboxRepository();

  OutboxDelivery(Vertx vertx, Pool pool, MailSender sender, Duration lease) {
    this.vertx = vertx;
    this.pool = pool;
    this.sender = sender;
    this.lease = lease;
  }

  /** Delivers the oldest due message; false when none is due (or others hold the due ones). */
  Future<Boolean> deliverNext() {
    return repository.claimNextDue(pool, lease).compose(claimed -> claimed.isEmpty()
        ? Future.succeededFuture(false)
        : deliver(claimed.get()).map(true));
  }

  private Future<Void> deliver(Pending pending) {
    if (pending.repeat()) {
      LOG.warn("Message {} ({}) sent again, attempt {}: the outcome of an earlier attempt was never recorded, "
          + "so it may have arrived; same Message-ID", pending.id(), pending.message().kind(), pending.attempts());
    }
    return send(pending).compose(
        sent -> repository.markSent(pool, pending.id()),
        error -> recordFailure(pool, pending, error));
  }

  private Future<Void> send(Pending pending) {
    return vertx.executeBlocking(() -> {
      sender.send(pending.id(), pending.createdAt(), pending.message());
      return null;
    }, false);
  }

  private Future<Void> recordFailure(SqlClient conn, Pending pending, Throwable error) {
    if (error instanceof InvalidRecipientException) {
      LOG.error("Message {} ({}) can never be sent, given up: {}", pending.id(), pending.message().kind(),
          error.getMessage());
      return repository.markFailed(conn, pending.id(), describe(error));
    }
    int failures = pending.attempts();
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
