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
 */
final class HeaderTimeout {

  private final Vertx vertx;
  private final long timeoutMs;
  private final Map<HttpConnection, Long> timers = new HashMap<>();

  HeaderTimeout(Vertx vertx, int timeoutSeconds) {
    this.vertx = vertx;
    this.timeoutMs = timeoutSeconds * 1000L;
  }

  void connected(HttpConnection connection) {
    arm(connection);
    connection.closeHandler(closed -> disarm(connection));
  }

  /** A request's headers have all arrived: stop the clock until its answer ends. */
  void requested(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    disarm(connection);
    ctx.addEndHandler(ended -> {
      if (!ctx.response().closed()) {
        arm(connection);
      }
    });
    ctx.next();
  }

  private void arm(HttpConnection connection) {
    disarm(connection);
    timers.put(connection, vertx.setTimer(timeoutMs, fired -> {
      timers.remove(connection);
      connection.close();
    }));
  }

  private void disarm(HttpConnection connection) {
    Long timer = timers.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
