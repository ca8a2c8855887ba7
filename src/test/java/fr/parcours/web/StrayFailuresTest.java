package fr.parcours.web;

import fr.parcours.support.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A page handler that throws while building its page in a Future's callback (about 20 render
 * from {@code onSuccess}) gets the failure handler's answer, never a request left hanging.
 */
@ExtendWith(VertxExtension.class)
class StrayFailuresTest {

  @Test
  void aThrowInsideACallbackFailsItsRequest(Vertx vertx) {
    Router router = Router.router(vertx);
    StrayFailures.install(vertx, router);
    // As a page handler does: read, then build the model in onSuccess (here it throws), after
    // one hop off the event loop and back.
    router.get("/page").handler(ctx -> vertx.executeBlocking(() -> "row")
        .onSuccess(row -> {
          throw new IllegalStateException("a bug while building the page");
        })
        .onFailure(ctx::fail));
    router.get("/fine").handler(ctx -> Future.succeededFuture("ok").onSuccess(ctx.response()::end));
    router.route().failureHandler(ctx -> ctx.response().setStatusCode(500).end("error page: "
        + ctx.failure().getMessage()));
    HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0));
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort())
        .setIdleTimeout(10));
    try {
      for (int i = 0; i < 3; i++) {
        HttpResponse<Buffer> failed = await(client.get("/page").send());
        assertEquals(500, failed.statusCode());
        assertEquals("error page: a bug while building the page", failed.bodyAsString());
        assertEquals("ok", await(client.get("/fine").send()).bodyAsString(), "other requests are not touched");
      }
    } finally {
      client.close();
      await(server.close());
    }
  }
}
