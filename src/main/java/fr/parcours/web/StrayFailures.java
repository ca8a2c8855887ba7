package fr.parcours.web;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw inside a Future's callback (a page's model built in {@code onSuccess}) never reaches
 * the router: Vert.x hands it to the instance's exception handler, and the request would wait
 * for ever. Vert.x runs each request on a context of its own, which every callback of the
 * request runs on too; the request is kept there, so such a throw fails it like any failure
 * (the error page, or the JSON error). A throw outside any request is logged, as Vert.x would.
 *
 * <p>Why the internal {@code ContextInternal} (checked against Vert.x 5.0.10): the public API has
 * no per-request slot that works here. {@code Context.put/get} and {@code Context.exceptionHandler}
 * on a request's duplicated context go to its event loop's context, shared by every request on
 * that loop, so an interleaved request would be failed instead. The public
 * {@code Context.putLocal(ContextLocal, …)} is per request, but a {@code ContextLocal} must be
 * registered before the {@code Vertx} is built (after, it is an IllegalArgumentException), and
 * the way Vert.x offers for that, a {@code VertxServiceProvider}, takes the internal
 * {@code VertxBootstrap}: no less internal than the key-value locals used below.
 */
public final class StrayFailures {

  private static final Logger LOG = LoggerFactory.getLogger(StrayFailures.class);
  private static final Object REQUEST = new Object();

  private StrayFailures() {
  }

  /** Mount first: every later handler's callbacks are then covered. */
  public static void install(Vertx vertx, Router router) {
    router.route().handler(ctx -> {
      ContextInternal context = ContextInternal.current();
      if (context != null) {
        context.putLocal(REQUEST, ctx);
      }
      ctx.next();
    });
    vertx.exceptionHandler(StrayFailures::failRequest);
  }

  private static void failRequest(Throwable failure) {
    ContextInternal context = ContextInternal.current();
    RoutingContext ctx = context == null ? null : context.getLocal(REQUEST);
    if (ctx != null && !ctx.failed() && !ctx.response().headWritten()) {
      ctx.fail(failure);
    } else {
      LOG.error("Unhandled exception", failure);
    }
  }
}
