package fr.parcours.allocation;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.fair.FairRole;
import fr.parcours.web.Http;
import fr.parcours.web.JsonInput;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The organiser's allocation API (preview, list, show, publish) and the public draw. */
public final class AllocationRoutes {

  static final String ALLOCATIONS = "/api/fairs/:fairSlug/allocations";
  static final String ALLOCATION = ALLOCATIONS + "/:allocationId";

  private final AllocationService allocations;
  private final Handler<RoutingContext> organiser;

  public AllocationRoutes(AllocationService allocations, Handler<RoutingContext> organiser) {
    this.allocations = allocations;
    this.organiser = organiser;
  }

  public void mount(Router router) {
    // The role is checked before the body is read: a staff member gets 403, never a field to correct.
    router.post(ALLOCATIONS).handler(organiser).handler(ctx -> Http.respond(ctx, 201,
        allocations.fair(slug(ctx), AuthRoutes.organiser(ctx), FairRole.EDITOR)
            .compose(fair -> allocations.preview(fair, AuthRoutes.organiser(ctx), optionalBody(ctx)))));
    router.get(ALLOCATIONS).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        allocations.list(slug(ctx), AuthRoutes.organiser(ctx))));
    router.get(ALLOCATION).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        allocations.show(slug(ctx), AuthRoutes.organiser(ctx), id(ctx))));
    router.post(ALLOCATION + "/publish").handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        allocations.publish(slug(ctx), AuthRoutes.organiser(ctx), id(ctx))));
    router.get("/api/fairs/:fairSlug/draw").handler(ctx -> Http.respond(ctx, 200,
        allocations.publishedDraw(slug(ctx))));
  }

  /** The body is optional: no body runs with a random seed. */
  private static JsonInput optionalBody(RoutingContext ctx) {
    boolean empty = ctx.body() == null || ctx.body().asString() == null || ctx.body().asString().isBlank();
    return empty ? JsonInput.of(new JsonObject()) : Http.body(ctx);
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }

  private static long id(RoutingContext ctx) {
    return Http.idParam(ctx, "allocationId", "allocation");
  }
}
