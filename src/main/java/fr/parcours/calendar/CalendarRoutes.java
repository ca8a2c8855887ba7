package fr.parcours.calendar;

import fr.parcours.association.AssociationAuth;
import fr.parcours.web.Http;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Function;

/**
 * The iCalendar feeds, served as {@code text/calendar} for calendar clients to subscribe to, and
 * the API that hands out their links: a fair's public feeds, an association's feed (for itself
 * and its organiser), and visitors' selections.
 */
public final class CalendarRoutes {

  // Public feeds may sit in shared caches for a minute; token feeds are one person's.
  private static final CharSequence PUBLIC = HttpHeaders.createOptimized("public, max-age=60");
  private static final CharSequence PRIVATE = HttpHeaders.createOptimized("private, max-age=60");
  private static final String SELECTIONS = "/api/fairs/:fairSlug/selections";
  private static final String SELECTION = SELECTIONS + "/:token";

  private final Calendars calendars;
  private final Selections selections;
  private final AssociationAuth associations;

  public CalendarRoutes(Calendars calendars, Selections selections, AssociationAuth associations) {
    this.calendars = calendars;
    this.selections = selections;
    this.associations = associations;
  }

  /** The feeds calendar apps poll all year: mounted before the other routes (see {@code ApiRouter}). */
  public void mountFeeds(Router router) {
    feed(router, "/calendars/fairs/:fairSlug.ics", PUBLIC, ctx -> calendars.fair(ctx.pathParam("fairSlug")));
    feed(router, "/calendars/fairs/:fairSlug/tracks/:trackSlug.ics", PUBLIC,
        ctx -> calendars.track(ctx.pathParam("fairSlug"), ctx.pathParam("trackSlug")));
    feed(router, "/calendars/fairs/:fairSlug/rooms/:roomSlug.ics", PUBLIC,
        ctx -> calendars.room(ctx.pathParam("fairSlug"), ctx.pathParam("roomSlug")));
    feed(router, "/calendars/associations/:token.ics", PRIVATE, ctx -> calendars.association(ctx.pathParam("token")));
    feed(router, "/calendars/bookings/:token.ics", PRIVATE, ctx -> calendars.booking(ctx.pathParam("token")));
    feed(router, "/calendars/selections/:token.ics", PRIVATE, ctx -> calendars.selection(ctx.pathParam("token")));
    // The first class feed links, already mailed to teachers, keep working.
    router.route("/calendar/bookings/:token.ics").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(ctx -> ctx.response().setStatusCode(301)
            .putHeader("Location", "/calendars/bookings/" + ctx.pathParam("token") + ".ics").end());
  }

  public void mount(Router router) {
    router.get("/api/fairs/:fairSlug/calendars").handler(ctx -> Http.respond(ctx, 200,
        calendars.publicFeeds(ctx.pathParam("fairSlug"))));
    // The association itself ("me") or its fair's organiser (naming it by slug).
    router.get("/api/fairs/:fairSlug/associations/:association/calendar").handler(associations.requireAssociation())
        .handler(ctx -> Http.respond(ctx, 200, calendars.associationFeed(AssociationAuth.current(ctx).fairId(),
            AssociationAuth.current(ctx).slug())));
    router.post(SELECTIONS).handler(ctx -> Http.respond(ctx, 201, selections.create(ctx.pathParam("fairSlug"))));
    router.get(SELECTION).handler(ctx -> Http.respond(ctx, 200,
        selections.get(ctx.pathParam("fairSlug"), ctx.pathParam("token"))));
    router.put(SELECTION + "/sessions/:sessionId").handler(ctx -> Http.respond(ctx, 200,
        selections.star(ctx.pathParam("fairSlug"), ctx.pathParam("token"), Http.idParam(ctx, "sessionId", "session"))));
    router.delete(SELECTION + "/sessions/:sessionId").handler(ctx -> Http.respond(ctx, 200,
        selections.unstar(ctx.pathParam("fairSlug"), ctx.pathParam("token"),
            Http.idParam(ctx, "sessionId", "session"))));
  }

  private static void feed(Router router, String path, CharSequence cacheControl,
                           Function<RoutingContext, Future<RenderedFeed>> feed) {
    router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> feed.apply(ctx)
        .onSuccess(rendered -> FeedResponse.send(ctx, rendered, cacheControl))
        .onFailure(ctx::fail));
  }
}
