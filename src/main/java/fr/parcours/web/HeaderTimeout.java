package fr.parcours.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Closes a connection that does not finish sending a request's headers in time: the idle
 * timeout alone lets a client that sends a byte every few seconds hold a connection for ever.
 * The clock runs from the connection's start and again after each answer ends, until the next
 * request arrives; a live stream, once answered, is not timed. One per server instance: its
 * connections share the instance's event loop, so the map needs no lock.
 *
 * <p>Each waiting connection only gets a deadline, and one sweep a second closes those past
 * theirs: a timer armed and cancelled per request cost more than routing a feed poll.
 */
final class HeaderTimeout {

  private static final long SWEEP_MS = 1000;

  private final Vertx vertx;
  private final long timeoutNanos;
  private final Map<HttpConnection, Long> deadlines = new HashMap<>();
  private long sweeper = -1;

  HeaderTimeout(Vertx vertx, int timeoutSeconds) {
    this.vertx = vertx;
    this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
  }

  /** Starts the sweep on the caller's event loop, the one its connections use. */
  void start() {
    sweeper = vertx.setPeriodic(SWEEP_MS, tick -> sweep(System.nanoTime()));
  }

  void stop() {
    vertx.cancelTimer(sweeper);
  }

  void connected(HttpConnection connection) {
    arm(connection);
    connection.closeHandler(closed -> deadlines.remove(connection));
  }

  /** A request's headers have all arrived: stop the clock until its answer ends. */
  void requested(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    deadlines.remove(connection);
    // The response's own end handler, not the router's list of them (a sorted map and three handlers
    // per request). It also runs when the connection closes first: then there is nothing to time.
    // A live stream sets its own.
    ctx.response().endHandler(ended -> {
      if (!ctx.response().closed()) {
        arm(connection);
      }
    });
    ctx.next();
  }

  private void arm(HttpConnection connection) {
    deadlines.put(connection, System.nanoTime() + timeoutNanos);
  }

  private void sweep(long now) {
    deadlines.entrySet().removeIf(waiting -> {
      boolean late = now - waiting.getValue() > 0;
      if (late) {
        waiting.getKey().close();
      }
      return late;
    });
  }
}
