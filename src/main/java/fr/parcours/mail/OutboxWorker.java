package fr.parcours.mail;

import fr.parcours.config.AppConfig;
import fr.parcours.db.Listener;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes delivery of queued messages. Every instance runs one; {@code FOR UPDATE SKIP LOCKED} lets
 * them share the queue without sending a message twice. Wakes on NOTIFY (through the instance's
 * {@link Listener}), and polls anyway so that a lost notification or a failed attempt (retried
 * with back-off, see {@link RetryPolicy}) is only delayed.
 */
public final class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  /** How long a notified message waits for others to share its batch: a confirmation mail may trail by that. */
  private static final long GATHER_MS = 100;

  private final Vertx vertx;
  private final MailSender sender;
  private final OutboxDelivery delivery;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wokenMeanwhile = new AtomicBoolean();
  private final AtomicBoolean gathering = new AtomicBoolean();
  private long timerId = -1;
  private volatile boolean stopped;
  private volatile Future<Void> inFlight = Future.succeededFuture();

  public OutboxWorker(Vertx vertx, Pool pool, AppConfig config) {
    this.vertx = vertx;
    this.sender = new MailSender(config.mail(), config.dataDir());
    this.delivery = new OutboxDelivery(vertx, pool, sender, Duration.ofSeconds(config.mail().claimLeaseSeconds()));
  }

  /**
   * Starts polling and subscribes to the outbox's channel on the instance's {@code listener}
   * (which drains again every time it (re)starts listening, catching up what it missed). First
   * removes the half-written {@code .eml.part} files a killed instance may have left.
   */
  public Future<Void> start(Listener listener, int pollSeconds) {
    Future<Void> cleaned = vertx.<Void>executeBlocking(() -> {
      sender.removePartialFiles();
      return null;
    }, false).onFailure(error -> LOG.warn("Cannot remove half-written mail files: {}", error.getMessage()));
    timerId = vertx.setPeriodic(pollSeconds * 1000L, tick -> drain());
    listener.subscribe(OutboxRepository.CHANNEL, new Listener.Subscriber() {
      @Override
      public void notified(String payload) {
        drainSoon();
      }

      @Override
      public void listening() {
        drain();
      }
    });
    return cleaned.otherwiseEmpty();
  }

  /** Stops taking messages and waits for the one being delivered, so it is marked sent before the pool closes. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return inFlight.recover(error -> Future.succeededFuture());
  }

  /**
   * Drains once the messages notified over the next {@link #GATHER_MS} are queued too, however
   * many notifications come meanwhile: in a rush every booking group notifies, and a drain per
   * notification claimed and recorded a handful of messages at a time (two commits each time)
   * instead of a batch.
   */
  private void drainSoon() {
    if (gathering.compareAndSet(false, true)) {
      vertx.setTimer(GATHER_MS, timer -> {
        gathering.set(false);
        if (!stopped) {
          drain();
        }
      });
    }
  }

  /** Delivers messages until none is due; one drain at a time per instance. */
  public Future<Void> drain() {
    if (!running.compareAndSet(false, true)) {
      // Woken during a drain: the new message may sit behind where it looked, so go round again.
      wokenMeanwhile.set(true);
      return Future.succeededFuture();
    }
    Promise<Void> drained = Promise.promise();
    inFlight = drained.future();
    deliverUntilNoneDue(drained);
    return drained.future()
        .onComplete(done -> {
          running.set(false);
          if (wokenMeanwhile.getAndSet(false) && !stopped) {
            drainSoon();
          }
        })
        .onFailure(error -> LOG.warn("Outbox delivery failed: {}", error.getMessage()));
  }

  /**
   * A loop of callbacks rather than futures composed one inside the next, so that a long queue
   * does not build a chain as long as itself. Claims no more once stopped: the pool closes next.
   */
  private void deliverUntilNoneDue(Promise<Void> drained) {
    delivery.deliverNext().onComplete(delivered -> {
      if (delivered && !stopped) {
        deliverUntilNoneDue(drained);
      } else {
        drained.complete();
      }
    }, drained::fail);
  }
}
