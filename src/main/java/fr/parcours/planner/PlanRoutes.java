package fr.parcours.planner;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.web.Http;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The organiser's plan API: ask for a plan, follow it (JSON or server-sent events), stop it, apply it. */
public final class PlanRoutes {

  static final String PLANS = "/api/fairs/:fairSlug/plans";
  static final String PLAN = PLANS + "/:planId";

  private final Vertx vertx;
  private final PlanService plans;
  private final FairService fairs;
  private final Handler<RoutingContext> organiser;
  private final PlanEvents events;

  public PlanRoutes(Vertx vertx, PlanService plans, FairService fairs, Handler<RoutingContext> organiser) {
    this.vertx = vertx;
    this.plans = plans;
    this.fairs = fairs;
    this.organiser = organiser;
    this.events = new PlanEvents(vertx, plans);
  }

  public void mount(Router router) {
    router.post(PLANS).handler(organiser).handler(ctx -> Http.respond(ctx, 202,
        owned(ctx).compose(fair -> plans.start(fair, Http.bodyObject(ctx)))));
    router.get(PLAN).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(ctx).compose(fair -> plans.show(fair, id(ctx)))));
    router.post(PLAN + "/stop").handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(ctx).compose(fair -> plans.stop(fair, id(ctx)))));
    router.post(PLAN + "/apply").handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(ctx).compose(fair -> plans.apply(fair, id(ctx)))));
    router.get(PLAN + "/events").handler(organiser).handler(this::events);
  }

  /** Progress as server-sent events ({@link PlanEvents}). */
  private void events(RoutingContext ctx) {
    events.stream(ctx, owned(ctx), id(ctx));
  }

  private Future<Fair> owned(RoutingContext ctx) {
    return fairs.require(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), FairRole.EDITOR);
  }

  private static long id(RoutingContext ctx) {
    return Http.idParam(ctx, "planId", "Plan");
  }
}
