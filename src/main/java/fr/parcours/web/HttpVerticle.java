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
  private HttpServer server;

  public HttpVerticle(Supplier<Router> routerFactory, String host, int port, int graceSeconds) {
    this.routerFactory = routerFactory;
    this.host = host;
    this.port = port;
    this.graceSeconds = graceSeconds;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true));
    return server.requestHandler(routerFactory.get()).invalidRequestHandler(ErrorHandler::invalidRequest)
        .listen(port, host);
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(graceSeconds, TimeUnit.SECONDS);
  }
}
