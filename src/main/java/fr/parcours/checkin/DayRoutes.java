package fr.parcours.checkin;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.web.Http;
import fr.parcours.web.IdempotentPost;
import fr.parcours.web.JsonInput;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP of the day's flows for the fair's team: each session's turnout, the no-shows at a
 * cut-off time, their places released to the waiting list (editors and owners), and the classes
 * marked present session by session by room staff (Idempotency-Key, as at the entrance).
 */
public final class DayRoutes {

  private static final String PRESENCES = "/api/fairs/:fairSlug/sessions/:sessionId/presences";

  private final DayService day;
  private final PresenceService presences;
  private final Handler<RoutingContext> organiserOnly;

  public DayRoutes(DayService day, PresenceService presences, Handler<RoutingContext> organiserOnly) {
    this.day = day;
    this.presences = presences;
    this.organiserOnly = organiserOnly;
  }

  public void mount(Router router) {
    router.get("/api/fairs/:fairSlug/flows").handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        day.turnout(fair(ctx), AuthRoutes.organiser(ctx)).map(DayJson::turnout)));
    router.get("/api/fairs/:fairSlug/no-shows").handler(organiserOnly).handler(ctx -> {
      NoShowQuery query = NoShowQuery.parse(JsonInput.of(new JsonObject()
          .put("day", ctx.queryParams().get("day")).put("cutoff", ctx.queryParams().get("cutoff"))));
      Http.respond(ctx, 200, day.noShows(fair(ctx), AuthRoutes.organiser(ctx), query.day(), query.cutoff())
          .map(DayJson::noShows));
    });
    router.post("/api/fairs/:fairSlug/no-shows/release").handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        day.release(fair(ctx), AuthRoutes.organiser(ctx), () -> NoShowQuery.parse(Http.body(ctx)))
            .map(DayJson::release)));
    router.get(PRESENCES).handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        presences.sheet(fair(ctx), AuthRoutes.organiser(ctx), session(ctx)).map(DayJson::sheet)));
    router.post(PRESENCES).handler(organiserOnly).handler(ctx -> IdempotentPost.created(ctx,
        presences.mark(fair(ctx), AuthRoutes.organiser(ctx), session(ctx), IdempotentPost.key(ctx),
                CheckInRequest.parse(Http.body(ctx)))
            .map(done -> new Outcome<>(CheckInJson.seated(done.value()), done.created()))));
    router.delete(PRESENCES + "/:code").handler(organiserOnly).handler(ctx -> Http.respondNoContent(ctx,
        presences.unmark(fair(ctx), AuthRoutes.organiser(ctx), session(ctx), ctx.pathParam("code"))));
  }

  private static long session(RoutingContext ctx) {
    return Http.idParam(ctx, "sessionId", "session");
  }

  private static String fair(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }
}
