package fr.parcours.web;

import fr.parcours.config.AppConfig.DbLimits;
import fr.parcours.db.Database;
import fr.parcours.db.DatabaseStatus;
import fr.parcours.db.Trouble;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;

import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health}, for load balancers and operators. 503 when this instance cannot serve
 * requests now: its database does not answer, or its pool turned requests away within the last
 * seconds. 200 otherwise, with {@code "status":"degraded"} when it serves but with a part
 * missing: its LISTEN connection is being re-established (notifications delayed, the outbox
 * still polls), or lock waits ran out lately (some writer holds rows too long). It opens its own
 * connection rather than queueing in the pool, so a busy pool is reported rather than waited on.
 */
public final class HealthRoutes {

  private static final long CHECK_SECONDS = 3;

  private final Vertx vertx;
  private final PgConnectOptions database;
  private final DatabaseStatus status;

  public HealthRoutes(Vertx vertx, String databaseUrl, DbLimits limits, DatabaseStatus status) {
    this.vertx = vertx;
    this.database = Database.connectOptions(databaseUrl, limits);
    this.status = status;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> databaseAnswers()
        .onSuccess(ok -> {
          status.answered();
          answer(ctx, "up", null);
        })
        .onFailure(error -> answer(ctx, "down", String.valueOf(error.getMessage()))));
  }

  private void answer(RoutingContext ctx, String databaseState, String error) {
    boolean poolExhausted = status.recently(Trouble.POOL_EXHAUSTED);
    boolean locksTimingOut = status.recently(Trouble.BUSY);
    String listenerProblem = status.listenerProblem();
    boolean down = !"up".equals(databaseState) || poolExhausted;
    String overall = down ? "down" : listenerProblem != null || locksTimingOut ? "degraded" : "up";
    JsonObject body = new JsonObject()
        .put("status", overall)
        .put("database", databaseState)
        .put("pool", poolExhausted ? "exhausted" : "ok")
        .put("locks", locksTimingOut ? "timing out" : "ok")
        .put("listener", listenerProblem == null ? "listening" : "reconnecting");
    if (error != null) {
        body.put("error", error);
    }
    if (listenerProblem != null) {
      body.put("listener_error", listenerProblem);
    }
    Http.json(ctx, down ? 503 : 200, body);
  }

  private Future<Void> databaseAnswers() {
    return PgConnection.connect(vertx, database)
        .compose(connection -> connection.query("SELECT 1").execute().eventually(connection::close))
        .timeout(CHECK_SECONDS, TimeUnit.SECONDS)
        .mapEmpty();
  }
}
