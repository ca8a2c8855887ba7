package fr.parcours.checkin;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.web.Http;
import fr.parcours.web.JsonInput;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP of the day's flows for the fair's team: each session's turnout, the no-shows at a
 * cut-off time, and their places released to the waiting list (editors and owners).
 */
public final class DayRoutes {

  private final DayService day;
  private final Handler<RoutingContext> organiserOnly;

  public DayRoutes(DayService day, Handler<RoutingContext> organiserOnly) {
    this.day = day;
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
    router.post("/api/fairs/:fairSlug/no-shows/release").handler(organiserOnly).handler(ctx -> {
      NoShowQuery query = NoShowQuery.parse(Http.body(ctx));
      Http.respond(ctx, 200, day.release(fair(ctx), AuthRoutes.organiser(ctx), query.day(), query.cutoff(),
          query.bookingIds()).map(DayJson::release));
    });
  }

  private static String fair(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }
}
