package fr.parcours.planner;

import fr.parcours.fair.Fair;
import fr.parcours.live.EventStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A plan's progress as server-sent events: its status and best score as last stored, read from
 * the database every second (so any instance can follow a plan solved on another), until it is
 * no longer solving. The API serves it to bearer tokens, the plan page to the organiser's session.
 */
public final class PlanEvents {

  private static final long RETRY_MS = 3000;

  private final Vertx vertx;
  private final PlanService plans;

  public PlanEvents(Vertx vertx, PlanService plans) {
    this.vertx = vertx;
    this.plans = plans;
  }

  /** Streams plan {@code id} of the fair once the fair is allowed; a refusal fails the request. */
  public void stream(RoutingContext ctx, Future<Fair> allowed, long id) {
    allowed.compose(fair -> plans.show(fair, id).map(first -> fair)).onFailure(ctx::fail).onSuccess(fair -> {
      EventStream stream = EventStream.open(ctx.response(), RETRY_MS);
      long timer = vertx.setPeriodic(0, PlanRun.TICK_MS, tick -> plans.show(fair, id)
          .onSuccess(plan -> {
            stream.send("progress", progress(plan).encode());
            if (!"solving".equals(plan.getString("status"))) {
              vertx.cancelTimer(tick);
              stream.end();
            }
          }));
      ctx.response().closeHandler(closed -> vertx.cancelTimer(timer));
    });
  }

  private static JsonObject progress(JsonObject plan) {
    return new JsonObject().put("id", plan.getLong("id")).put("status", plan.getString("status"))
        .put("score", plan.getJsonObject("score")).put("broken", plan.getJsonArray("broken").size());
  }
}
