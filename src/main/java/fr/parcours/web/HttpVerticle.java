package fr.parcours.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves the router on one event loop; deployed once per core. Undeploying stops accepting
 * connections and waits up to the grace period for requests in flight.
 */
public final class HttpVerticle extends VerticleBase {

  private final Supplier<Router> routerFactory;
  private final String host;
  private final int port;
  private final int graceSeconds;
  private final int headerTimeoutSeconds;
  private final int idleTimeoutSeconds;
  private HttpServer server;
  private HeaderTimeout headers;

  public HttpVerticle(Supplier<Router> routerFactory, String host, int port, int graceSeconds, int headerTimeoutSeconds,
                     int idleTimeoutSeconds) {
    this.routerFactory = routerFactory;
    this.host = host;
    this.port = port;
    this.graceSeconds = graceSeconds;
    this.headerTimeoutSeconds = headerTimeoutSeconds;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  /**
   * A connection silent for the idle timeout is closed (live streams send a heartbeat every
   * 15 s); one slow to send its headers is closed after the header timeout. Request lines and
   * headers keep Netty's bounds (4,096 and 8,192 bytes), answered 414 and 431.
   */
  @Override
  public Future<?> start() {
    // No cleartext HTTP/2 upgrade: to look for one, Vert.x holds a connection back until its first
    // request's headers are complete, and the header timeout would never see it.
    // No WebSocket routes (live updates are server-sent events): without their compression extensions,
    // Netty keeps no WebSocket handler in every connection's pipeline, read and write.
    server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
        .setHttp2ClearTextEnabled(false)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setIdleTimeout(idleTimeoutSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS));
    Router router = routerFactory.get();
    headers = new HeaderTimeout(vertx, headerTimeoutSeconds);
    headers.start();
    router.route().order(Integer.MIN_VALUE).handler(headers::requested);
    return server.connectionHandler(headers::connected).requestHandler(router)
        .invalidRequestHandler(ErrorHandler::invalidRequest)
        .listen(port, host);
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(graceSeconds, TimeUnit.SECONDS).onComplete(stopped -> headers.stop());
  }
}
