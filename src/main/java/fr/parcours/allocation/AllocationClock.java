package fr.parcours.allocation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes allocations whose date has come, by itself: every instance polls (as the outbox
 * worker does), and each fair's run is one transaction that one instance claims with an
 * advisory lock (the others skip it) and that publishes only while nothing is published, so a
 * fair is allocated once whatever the number of instances. A failed run is tried again at the
 * next poll.
 */
public final class AllocationClock {

  private static final Logger LOG = LoggerFactory.getLogger(AllocationClock.class);

  private final Vertx vertx;
  private final AllocationService allocations;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timerId = -1;

  public AllocationClock(Vertx vertx, AllocationService allocations) {
    this.vertx = vertx;
    this.allocations = allocations;
  }

  public void start(int pollSeconds) {
    timerId = vertx.setPeriodic(pollSeconds * 1000L, tick -> tick());
  }

  public void stop() {
    vertx.cancelTimer(timerId);
  }

  /** One poll: publishes what is due, one run at a time per instance. */
  public Future<Integer> tick() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    return allocations.publishDue()
        .onSuccess(published -> {
          if (published > 0) {
            LOG.info("Published {} allocation(s) at their allocation date", published);
          }
        })
        .onFailure(error -> LOG.warn("Publishing due allocations failed, tried again at the next poll: {}",
            error.getMessage()))
        .onComplete(done -> running.set(false));
  }
}
