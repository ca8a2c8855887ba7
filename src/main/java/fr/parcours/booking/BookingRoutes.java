package fr.parcours.booking;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.error.AppException;
import fr.parcours.web.Csv;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.IdempotentPost;
import fr.parcours.web.PreparedJson;
import fr.parcours.web.Throttle;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTTP for bookings: teachers book with an Idempotency-Key (201 with the booking, again when
 * the key is replayed) and manage through the token of their link;
 * organisers set rules, list and export.
 */
public final class BookingRoutes {

  private static final List<String> STATUSES = List.of(Booking.CONFIRMED, Booking.WAITLISTED, Booking.CANCELLED);
  /** Places change with bookings; sessions, tracks and the fair itself with the programme. */
  private static final Set<String> AVAILABILITY_FOLLOWS = Set.of("availability", "programme");

  private final BookingService bookings;
  private final BookingDesk desk;
  private final Throttle throttle;
  private final Handler<RoutingContext> organiserOnly;
  private final PreparedJson prepared;

  public BookingRoutes(BookingService bookings, BookingDesk desk, Throttle throttle,
                       Handler<RoutingContext> organiserOnly, PreparedJson prepared) {
    this.prepared = prepared;
    this.bookings = bookings;
    this.desk = desk;
    this.throttle = throttle;
    this.organiserOnly = organiserOnly;
  }

  /**
   * Places left, polled by every visitor's app, and the booking every teacher sends when
   * registration opens: mounted before the other routes (see {@code ApiRouter}).
   */
  public void mountFirst(Router router) {
    router.get("/api/fairs/:fairSlug/availability").handler(this::availability);
    router.post("/api/fairs/:fairSlug/bookings").handler(this::book);
  }

  public void mount(Router router) {
    router.get("/api/bookings/:token").handler(ctx -> Http.respond(ctx, 200, bookings.show(ctx.pathParam("token"))
        .map(ShownBooking::toJson)));
    router.patch("/api/bookings/:token").handler(ctx -> Http.respond(ctx, 200,
        bookings.change(ctx.pathParam("token"), BookingChange.parse(Http.body(ctx))).map(ShownBooking::toJson)));
    router.delete("/api/bookings/:token").handler(ctx -> Http.respond(ctx, 200, bookings.cancel(ctx.pathParam("token"))
        .map(ShownBooking::toJson)));
    router.post("/api/bookings/:token/acceptance").handler(ctx -> Http.respond(ctx, 200,
        bookings.accept(ctx.pathParam("token")).map(ShownBooking::toJson)));
    mountOrganiser(router);
  }

  /**
   * The same for every reader, so prepared once per change of places or programme and served
   * from memory with ETag/304; a booking made here forgets it at commit (read your own write).
   */
  private void availability(RoutingContext ctx) {
    String slug = fair(ctx);
    prepared.respond(ctx, "availability/" + slug, () -> bookings.availability(slug)
        .map(places -> new PreparedJson.Loaded(places.toJson(), places.fair().id(), AVAILABILITY_FOLLOWS, null)));
  }

  private void book(RoutingContext ctx) {
    String key = IdempotentPost.key(ctx);
    BookingRequest request = BookingRequest.parse(Http.body(ctx));
    IdempotentPost.created(ctx, counted(ctx, throttle, request).compose(counted -> bookings.book(fair(ctx), key,
        request, I18n.named(ctx))).map(done -> new Outcome<>(BookingJson.of(done.value()), done.created())));
  }

  /**
   * Counts a booking per client address and per teacher email (each booking mails that address,
   * so a script must not flood someone's mailbox), refusing it with 429 past either limit.
   */
  public static Future<Void> counted(RoutingContext ctx, Throttle throttle, BookingRequest request) {
    Throttle.Limits limits = throttle.limits();
    return throttle.take(ctx, limits.bookingsPerAddress(), limits.bookingsPerEmail(), request.teacher().email());
  }

  private void mountOrganiser(Router router) {
    router.get("/api/fairs/:fairSlug/booking-rules").handler(organiserOnly)
        .handler(ctx -> Http.respond(ctx, 200, desk.rules(fair(ctx), AuthRoutes.organiser(ctx))));
    router.put("/api/fairs/:fairSlug/booking-rules").handler(organiserOnly).handler(ctx -> Http.respond(ctx, 200,
        desk.saveRules(fair(ctx), AuthRoutes.organiser(ctx), BookingRules.parse(Http.body(ctx)))));
    router.get("/api/fairs/:fairSlug/bookings").handler(organiserOnly)
        .handler(ctx -> Http.respond(ctx, 200, desk.list(fair(ctx), AuthRoutes.organiser(ctx), filter(ctx))));
    router.get("/api/fairs/:fairSlug/bookings.csv").handler(organiserOnly)
        .handler(ctx -> csv(ctx, "bookings.csv", desk.schoolsCsv(fair(ctx), AuthRoutes.organiser(ctx),
            I18n.apiLanguage(ctx))));
    router.get("/api/fairs/:fairSlug/sessions/:sessionId/attendees.csv").handler(organiserOnly)
        .handler(ctx -> csv(ctx, "attendees.csv", desk.attendeesCsv(fair(ctx), AuthRoutes.organiser(ctx),
            Http.idParam(ctx, "sessionId", "session"), I18n.apiLanguage(ctx))));
  }

  private static BookingFilter filter(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !STATUSES.contains(status)) {
      throw AppException.invalid("status", "ONE_OF", Map.of("values", String.join(", ", STATUSES)));
    }
    return new BookingFilter(status, ctx.queryParams().get("track"), ctx.queryParams().get("school"));
  }

  private static String fair(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }

  private static void csv(RoutingContext ctx, String fileName, Future<String> body) {
    Http.attachment(ctx, fileName, Csv.CONTENT_TYPE, body);
  }
}
