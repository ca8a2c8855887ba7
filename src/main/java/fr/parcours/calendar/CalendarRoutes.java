package fr.parcours.calendar;

import fr.parcours.error.AppException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/** iCalendar feeds, served as {@code text/calendar} for calendar clients to subscribe to. */
public final class CalendarRoutes {

  private final CalendarRepository repository;

  public CalendarRoutes(Pool pool) {
    this.repository = new CalendarRepository(pool);
  }

  public void mount(Router router) {
    router.get("/calendar/bookings/:token.ics").handler(this::bookingFeed);
  }

  private void bookingFeed(RoutingContext ctx) {
    repository.bookingFeed(ctx.pathParam("token"))
        .map(found -> found.orElseThrow(() -> AppException.notFound("Booking")))
        .map(feed -> CalendarFeed.render(feed.name(), feed.zone(), feed.events()))
        .onSuccess(ics -> send(ctx, ics))
        .onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, String ics) {
    ctx.response()
        .putHeader("Content-Type", "text/calendar; charset=utf-8")
        .putHeader("Content-Disposition", "inline; filename=\"parcours.ics\"")
        .putHeader("Cache-Control", "no-cache")
        .end(ics);
  }
}
