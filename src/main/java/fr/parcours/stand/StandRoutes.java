package fr.parcours.stand;

import fr.parcours.association.AssociationAuth;
import fr.parcours.auth.AuthRoutes;
import fr.parcours.web.Http;
import fr.parcours.web.IdempotentPost;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP for stands: the public map; associations reserve (with an Idempotency-Key), read and
 * cancel their own reservations; organisers list them all and assign or move one.
 */
public final class StandRoutes {

  private static final String RESERVATIONS = "/api/fairs/:fairSlug/stand-reservations";
  private static final String RESERVATION = RESERVATIONS + "/:reservationId";

  private final StandService stands;
  private final StandDesk desk;
  private final Handler<RoutingContext> associationOnly;
  private final Handler<RoutingContext> organiserOnly;

  public StandRoutes(StandService stands, StandDesk desk, Handler<RoutingContext> associationOnly,
                     Handler<RoutingContext> organiserOnly) {
    this.stands = stands;
    this.desk = desk;
    this.associationOnly = associationOnly;
    this.organiserOnly = organiserOnly;
  }

  public void mount(Router router) {
    router.get("/api/fairs/:fairSlug/stands").handler(ctx -> Http.respond(ctx, 200, stands.map(fair(ctx))));
    router.post(RESERVATIONS).handler(associationOnly).handler(ctx -> IdempotentPost.created(ctx,
        stands.reserve(fair(ctx), association(ctx), IdempotentPost.key(ctx), StandRequest.parse(Http.body(ctx)))));
    router.get(RESERVATION).handler(associationOnly)
        .handler(ctx -> Http.respond(ctx, 200, stands.show(fair(ctx), association(ctx), reservation(ctx))));
    router.delete(RESERVATION).handler(associationOnly)
        .handler(ctx -> Http.respond(ctx, 200, stands.cancel(fair(ctx), association(ctx), reservation(ctx))));
    router.get(RESERVATIONS).handler(organiserOnly)
        .handler(ctx -> Http.respond(ctx, 200, desk.list(fair(ctx), AuthRoutes.organiser(ctx))));
    router.put(RESERVATION + "/spot").handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        desk.assign(fair(ctx), AuthRoutes.organiser(ctx), reservation(ctx), Http.body(ctx))));
  }

  private static String fair(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }

  private static long association(RoutingContext ctx) {
    return AssociationAuth.current(ctx).id();
  }

  private static long reservation(RoutingContext ctx) {
    return Http.idParam(ctx, "reservationId", "stand_reservation");
  }
}
