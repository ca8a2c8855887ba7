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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers due messages: claim them (each attempt counted and committed), send them outside any
 * transaction, record the outcomes. Delivery never depends on a transaction surviving the send.
 * A sender that dies or loses the database between sending and recording leaves the claim in
 * place; once its lease runs out another instance sends the message again, with the same
 * Message-ID, and counts the repeat in the row (at least once, a repeat folded by mail clients).
 */
final class OutboxDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
  /**
   * Messages claimed, sent and recorded together: two commits for them all instead of two each.
   * An instance killed between sending and recording leaves at most this many to go again as
   * repeats (each counted in its row).
   */
  private static final int BATCH = 32;

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

  /** Delivers the oldest due messages; false when none is due (or others hold the due ones). */
  Future<Boolean> deliverNext() {
    return repository.claimDue(pool, lease, BATCH).compose(claimed -> claimed.isEmpty()
        ? Future.succeededFuture(false)
        : deliver(claimed).map(true));
  }

  /**
   * Sends the claimed messages in queue order, then records them: the sent ones in one statement,
   * and those the lease left no time for handed back untouched.
   */
  private Future<Void> deliver(List<Pending> claimed) {
    claimed.stream().filter(Pending::repeat).forEach(pending -> LOG.warn("Message {} ({}) sent again, attempt {}: "
        + "the outcome of an earlier attempt was never recorded, so it may have arrived; same Message-ID",
        pending.id(), pending.message().kind(), pending.attempts()));
    return send(claimed).compose(attempts -> {
      List<Long> sent = attempts.tried().stream().map(Pending::id)
          .filter(id -> !attempts.failures().containsKey(id)).toList();
      List<Future<Void>> recorded = new ArrayList<>();
      if (!sent.isEmpty()) {
        recorded.add(repository.markSent(pool, sent));
      }
      attempts.tried().stream().filter(pending -> attempts.failures().containsKey(pending.id()))
          .forEach(pending -> recorded.add(recordFailure(pool, pending, attempts.failures().get(pending.id()))));
      if (!attempts.untried().isEmpty()) {
        recorded.add(repository.release(pool, attempts.untried()));
      }
      return Future.all(recorded).mapEmpty();
    });
  }

  /** The messages a batch sent or failed to send, its failures by message id, and those it never tried. */
  private record Attempts(List<Pending> tried, Map<Long, Throwable> failures, List<Pending> untried) {
  }

  /**
   * Sends each message, one after the other over one connection, while half the lease is left:
   * past it (a slow SMTP server) another instance could take the claims back and send them too,
   * so the rest wait. Files written are made durable together before any is counted sent.
   */
  private Future<Attempts> send(List<Pending> claimed) {
    long stopAt = System.nanoTime() + lease.toNanos() / 2;
    return vertx.executeBlocking(() -> {
      Map<Long, Throwable> failures = new HashMap<>();
      int tried = 0;
      try (MailSender.Outgoing out = sender.open()) {
        while (tried < claimed.size() && (tried == 0 || System.nanoTime() < stopAt)) {
          Pending pending = claimed.get(tried++);
          try {
            out.send(pending.id(), pending.createdAt(), pending.message());
          } catch (Exception e) {
            failures.put(pending.id(), e);
          }
        }
        failures.putAll(out.finish());
      }
      return new Attempts(claimed.subList(0, tried), failures, claimed.subList(tried, claimed.size()));
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
