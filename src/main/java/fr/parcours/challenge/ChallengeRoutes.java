package fr.parcours.challenge;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.booking.BookingService;
import fr.parcours.booking.ShownBooking;
import fr.parcours.web.Http;
import fr.parcours.web.JsonInput;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP for challenges: anyone lists a published fair's; its organiser writes them and their
 * slots; a teacher picks one through the booking link's token and sees it in the booking.
 */
public final class ChallengeRoutes {

  private static final String CHALLENGES = "/api/fairs/:fairSlug/challenges";
  private static final String CHALLENGE = CHALLENGES + "/:challengeId";
  private static final String SLOT = CHALLENGE + "/slots/:slotId";
  private static final String PICK = "/api/bookings/:token/challenge";

  private final ChallengeService challenges;
  private final ChallengePicks picks;
  private final BookingService bookings;
  private final Handler<RoutingContext> organiserOnly;

  public ChallengeRoutes(ChallengeService challenges, ChallengePicks picks, BookingService bookings,
                         Handler<RoutingContext> organiserOnly) {
    this.challenges = challenges;
    this.picks = picks;
    this.bookings = bookings;
    this.organiserOnly = organiserOnly;
  }

  public void mount(Router router) {
    router.get(CHALLENGES).handler(ctx -> Http.respond(ctx, 200, challenges.list(fair(ctx))));
    router.post(CHALLENGES).handler(organiserOnly).handler(ctx -> Http.respond(ctx, 201,
        challenges.create(fair(ctx), AuthRoutes.organiser(ctx), Http.body(ctx))));
    router.patch(CHALLENGE).handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200, challenges.update(fair(ctx),
        AuthRoutes.organiser(ctx), challenge(ctx), Http.body(ctx))));
    router.delete(CHALLENGE).handler(organiserOnly).handler(ctx -> Http.respondNoContent(ctx,
        challenges.delete(fair(ctx), AuthRoutes.organiser(ctx), challenge(ctx))));
    router.post(CHALLENGE + "/slots").handler(organiserOnly).handler(ctx -> Http.respond(ctx, 201,
        challenges.addSlot(fair(ctx), AuthRoutes.organiser(ctx), challenge(ctx), Http.body(ctx))));
    router.patch(SLOT).handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200, challenges.updateSlot(fair(ctx),
        AuthRoutes.organiser(ctx), challenge(ctx), slot(ctx), Http.body(ctx))));
    router.delete(SLOT).handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        challenges.deleteSlot(fair(ctx), AuthRoutes.organiser(ctx), challenge(ctx), slot(ctx))));
    router.put(PICK).handler(this::pick);
    router.delete(PICK).handler(ctx -> Http.respond(ctx, 200,
        picks.drop(token(ctx)).compose(dropped -> bookings.show(token(ctx)).map(ShownBooking::toJson))));
  }

  private void pick(RoutingContext ctx) {
    JsonInput in = Http.body(ctx);
    Integer challenge = in.requiredInt("challenge", 1);
    Integer slot = in.requiredInt("slot", 1);
    in.validate();
    Http.respond(ctx, 200, picks.pick(token(ctx), challenge, slot).compose(picked -> bookings.show(token(ctx)).map(ShownBooking::toJson)));
  }

  private static String fair(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }

  private static String token(RoutingContext ctx) {
    return ctx.pathParam("token");
  }

  private static long challenge(RoutingContext ctx) {
    return Http.idParam(ctx, "challengeId", "challenge");
  }

  private static long slot(RoutingContext ctx) {
    return Http.idParam(ctx, "slotId", "challenge_slot");
  }
}
