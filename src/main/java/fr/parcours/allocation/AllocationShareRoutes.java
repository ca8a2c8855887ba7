package fr.parcours.allocation;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.web.Http;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET|PUT /api/fairs/{fairSlug}/allocation-shares}: the places kept for groups of schools. */
public final class AllocationShareRoutes {

  private static final String SHARES = "/api/fairs/:fairSlug/allocation-shares";

  private final AllocationShareService shares;
  private final Handler<RoutingContext> organiser;

  public AllocationShareRoutes(AllocationShareService shares, Handler<RoutingContext> organiser) {
    this.shares = shares;
    this.organiser = organiser;
  }

  public void mount(Router router) {
    router.get(SHARES).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        shares.shares(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx)).map(AllocationShareInput::toJson)));
    router.put(SHARES).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        shares.save(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), Http.body(ctx))
            .map(AllocationShareInput::toJson)));
  }
}
