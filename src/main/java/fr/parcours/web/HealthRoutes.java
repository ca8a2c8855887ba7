package fr.parcours.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;

import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health}: 200 when the database answers, 503 when it does not. It opens its own
 * connection rather than queueing in the pool: during a booking rush every pooled connection
 * may wait on a track lock, and a busy instance must not look dead to the load balancer.
 */
public final class HealthRoutes {

  private final Vertx vertx;
  private final PgConnectOptions database;

  public HealthRoutes(Vertx vertx, String databaseUrl) {
    this.vertx = vertx;
    this.database = PgConnectOptions.fromUri(databaseUrl);
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> databaseAnswers()
        .onSuccess(ok -> Http.json(ctx, 200, new JsonObject().put("status", "up").put("database", "up")))
        .onFailure(error -> Http.json(ctx, 503, new JsonObject().put("status", "down")
            .put("database", "down").put("error", String.valueOf(error.getMessage())))));
  }

  private Future<Void> databaseAnswers() {
    return PgConnection.connect(vertx, database)
        .compose(connection -> connection.query("SELECT 1").execute().eventually(connection::close))
        .timeout(3, TimeUnit.SECONDS)
        .mapEmpty();
  }
}
