package fr.parcours.association;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.web.Http;
import fr.parcours.fair.FairRole;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Offers: an association's own under {@code /associations/{me|slug}/offers}, and the
 * organiser's list, review and placement in the programme under {@code /offers}.
 */
public final class OfferRoutes {

  private static final String OWN = AssociationRoutes.ASSOCIATION + "/offers";
  private static final String OWN_ITEM = OWN + "/:offerId";
  static final String FAIR_OFFERS = "/api/fairs/:fairSlug/offers";
  static final String FAIR_OFFER = FAIR_OFFERS + "/:offerId";

  private final OfferService offers;
  private final OfferPlacement placement;
  private final FairService fairs;
  private final Handler<RoutingContext> association;
  private final Handler<RoutingContext> organiser;

  public OfferRoutes(OfferService offers, OfferPlacement placement, FairService fairs, AssociationAuth auth,
                     Handler<RoutingContext> organiser) {
    this.offers = offers;
    this.placement = placement;
    this.fairs = fairs;
    this.association = auth.requireAssociation();
    this.organiser = organiser;
  }

  public void mount(Router router) {
    router.get(OWN).handler(association).handler(ctx -> Http.respond(ctx, 200,
        fair(ctx).compose(fair -> offers.own(fair, AssociationAuth.current(ctx)).map(own -> Offer.toJson(own, fair)))));
    router.post(OWN).handler(association).handler(ctx -> Http.respond(ctx, 201,
        fair(ctx).compose(fair -> offers.propose(fair, AssociationAuth.current(ctx), Http.bodyObject(ctx)))));
    router.get(OWN_ITEM).handler(association).handler(ctx -> Http.respond(ctx, 200,
        fair(ctx).compose(fair -> offers.show(fair, AssociationAuth.current(ctx), offerId(ctx)))));
    router.patch(OWN_ITEM).handler(association).handler(ctx -> Http.respond(ctx, 200,
        fair(ctx).compose(fair -> offers.edit(fair, AssociationAuth.current(ctx), offerId(ctx), Http.bodyObject(ctx)))));
    router.post(OWN_ITEM + "/withdraw").handler(association).handler(ctx -> Http.respond(ctx, 200,
        fair(ctx).compose(fair -> offers.withdraw(fair, AssociationAuth.current(ctx), offerId(ctx)))));
    router.get(FAIR_OFFERS).handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(fairs, ctx, FairRole.STAFF).compose(fair -> offers.all(fair, ctx.queryParams().get("status"))
            .map(list -> Offer.toJson(list, fair)))));
    router.post(FAIR_OFFER + "/review").handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(fairs, ctx, FairRole.EDITOR).compose(fair -> offers.review(fair, Http.body(ctx), offerId(ctx)))));
    router.put(FAIR_OFFER + "/placement").handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(fairs, ctx, FairRole.EDITOR).compose(fair -> placement.place(fair, offerId(ctx), Http.body(ctx)))));
    router.delete(FAIR_OFFER + "/placement").handler(organiser).handler(ctx -> Http.respond(ctx, 200,
        owned(fairs, ctx, FairRole.EDITOR).compose(fair -> placement.cancel(fair, offerId(ctx)))));
  }

  /** The fair of the path; requireAssociation already checked the association belongs to it. */
  private Future<Fair> fair(RoutingContext ctx) {
    return fairs.findBySlug(ctx.pathParam("fairSlug"));
  }

  static Future<Fair> owned(FairService fairs, RoutingContext ctx, FairRole needed) {
    return fairs.require(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), needed);
  }

  static long offerId(RoutingContext ctx) {
    return Http.idParam(ctx, "offerId", "offer");
  }
}
