package fr.parcours.edition;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.fair.FairJson;
import fr.parcours.web.Http;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/** {@code POST /api/fairs/{fairSlug}/copies}: a new edition from an existing one. */
public final class CopyRoutes {

  private final CopyService copies;
  private final Handler<RoutingContext> organiser;

  public CopyRoutes(CopyService copies, Handler<RoutingContext> organiser) {
    this.copies = copies;
    this.organiser = organiser;
  }

  public void mount(Router router) {
    router.post("/api/fairs/:fairSlug/copies").handler(organiser).handler(ctx -> Http.respond(ctx, 201,
        copies.copy(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), Http.body(ctx))
            .map(fair -> FairJson.summary(fair, Instant.now()))));
  }
}
