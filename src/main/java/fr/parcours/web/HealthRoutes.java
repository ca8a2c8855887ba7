package fr.parcours.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** {@code GET /health}: 200 when the database answers, 503 when it does not. */
public final class HealthRoutes {

  private final Pool pool;

  public HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> pool.query("SELECT 1").execute()
        .timeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .onSuccess(ok -> Http.json(ctx, 200, new JsonObject().put("status", "up").put("database", "up")))
        .onFailure(error -> Http.json(ctx, 503, new JsonObject().put("status", "down")
            .put("database", "down").put("error", String.valueOf(error.getMessage())))));
  }
}
