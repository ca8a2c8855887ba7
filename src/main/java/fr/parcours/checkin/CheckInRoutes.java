package fr.parcours.checkin;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.booking.BookingLinks;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.web.Csv;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.IdempotentPost;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP of the day for the fair's team (staff and up): check a class in (Idempotency-Key, a
 * replay answers the first 201 again), undo it, list the classes expected, and the report.
 */
public final class CheckInRoutes {

  private final CheckInService checkIns;
  private final Handler<RoutingContext> organiserOnly;
  private final String publicUrl;

  public CheckInRoutes(CheckInService checkIns, Handler<RoutingContext> organiserOnly, String publicUrl) {
    this.checkIns = checkIns;
    this.organiserOnly = organiserOnly;
    this.publicUrl = publicUrl;
  }

  public void mount(Router router) {
    // The class's QR code, drawn from its manage link: whoever holds the link may show it.
    router.get(BookingLinks.MANAGE + ":token" + BookingLinks.CHECK_IN_QR).handler(ctx -> checkIns.qrCode(ctx.pathParam("token"), publicUrl)
        .onSuccess(svg -> ctx.response().putHeader("Content-Type", "image/svg+xml")
            .putHeader("Cache-Control", "private, max-age=3600").end(svg))
        .onFailure(ctx::fail));
    router.post("/api/fairs/:fairSlug/check-ins").handler(organiserOnly).handler(ctx -> IdempotentPost.created(ctx,
        checkIns.checkIn(fair(ctx), AuthRoutes.organiser(ctx), IdempotentPost.key(ctx), CheckInRequest.parse(Http.body(ctx)))
            .map(done -> new Outcome<>(CheckInJson.arrival(done.value()), done.created()))));
    router.get("/api/fairs/:fairSlug/check-ins").handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        checkIns.arrivals(fair(ctx), AuthRoutes.organiser(ctx)).map(CheckInJson::arrivals)));
    router.delete("/api/fairs/:fairSlug/check-ins/:code").handler(organiserOnly).handler(ctx -> Http.respondNoContent(ctx,
        checkIns.undo(fair(ctx), AuthRoutes.organiser(ctx), ctx.pathParam("code"))));
    router.get("/api/fairs/:fairSlug/attendance").handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        checkIns.attendance(fair(ctx), AuthRoutes.organiser(ctx)).map(CheckInJson::attendance)));
    router.get("/api/fairs/:fairSlug/attendance.csv").handler(organiserOnly).handler(ctx -> Http.attachment(ctx,
        "attendance.csv", Csv.CONTENT_TYPE, checkIns.attendanceCsv(fair(ctx), AuthRoutes.organiser(ctx),
            I18n.apiLanguage(ctx))));
  }

  private static String fair(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }
}
