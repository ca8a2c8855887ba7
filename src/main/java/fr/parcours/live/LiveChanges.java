package fr.parcours.live;

import fr.parcours.db.Listener;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns the database's change notifications into event-bus messages on {@link #ADDRESS} (see the
 * package documentation). A booking rush notifies hundreds of times a second; coalescing over a
 * short window publishes each distinct change once per window instead.
 */
public final class LiveChanges implements Listener.Subscriber {

  /** The event-bus address every change is published to, on every instance. */
  public static final String ADDRESS = "parcours.changes";
  /** The PostgreSQL channel the triggers of migration 006 notify. */
  public static final String CHANNEL = "parcours_changes";
  static final long COALESCE_MS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(LiveChanges.class);

  private final Vertx vertx;
  private final Set<Change> pending = new LinkedHashSet<>();
  private boolean flushScheduled;
  private final AtomicBoolean listenedBefore = new AtomicBoolean();

  private LiveChanges(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Publishes on {@link #ADDRESS} what {@code listener} hears on {@link #CHANNEL}, from when it starts. */
  public static void publish(Vertx vertx, Listener listener) {
    listener.subscribe(CHANNEL, new LiveChanges(vertx));
  }

  @Override
  public void notified(String payload) {
    try {
      add(Change.of(new JsonObject(payload)));
    } catch (RuntimeException e) {
      LOG.warn("Ignoring a change notification that is not one: {}", payload);
    }
  }

  /**
   * Listening again after a lost connection: notifications may have been missed, so everything
   * cached may be stale. Not at the first start: it comes before anything is cached (the warm-up
   * and HTTP come after it), and a late RESYNC would drop the pages the warm-up just prepared.
   */
  @Override
  public void listening() {
    if (listenedBefore.getAndSet(true)) {
      add(Change.RESYNC);
    }
  }

  private synchronized void add(Change change) {
    pending.add(change);
    if (!flushScheduled) {
      flushScheduled = true;
      vertx.setTimer(COALESCE_MS, timer -> flush());
    }
  }

  private void flush() {
    List<Change> changes;
    synchronized (this) {
      changes = new ArrayList<>(pending);
      pending.clear();
      flushScheduled = false;
    }
    changes.forEach(change -> vertx.eventBus().publish(ADDRESS, change.toJson()));
  }
}
