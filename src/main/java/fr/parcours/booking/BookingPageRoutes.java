package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.i18n.Dates;
import fr.parcours.web.Forms;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import fr.parcours.web.Subscription;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The teacher's manage page, reached from the link in every message: see the booking and its
 * route, change headcount or window, cancel. Plain HTML forms (no script needed); a refused
 * change shows the API's own error messages in the page and keeps what was typed.
 */
public final class BookingPageRoutes {

  private static final List<String> FORM_FIELDS = List.of("pupils", "adults", "arrival", "departure");
  private static final Set<String> WHOLE_NUMBERS = Set.of("pupils", "adults");
  private static final Set<String> NOTICES = Set.of("booked", "updated", "cancelled", "challenge_picked",
      "challenge_dropped");

  private final FairService fairs;
  private final BookingService bookings;
  private final ChallengeChoice challenges;
  private final Pages pages;

  public BookingPageRoutes(FairService fairs, BookingService bookings, ChallengeChoice challenges, Pages pages) {
    this.fairs = fairs;
    this.bookings = bookings;
    this.challenges = challenges;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get(BookingLinks.MANAGE + ":token").handler(this::show);
    router.post(BookingLinks.MANAGE + ":token").handler(this::submit);
    router.post(BookingLinks.MANAGE + ":token/challenge").handler(this::challenge);
    router.get(BookingLinks.MANAGE + ":token/print").handler(this::print);
    // The address of the first messages sent: moved for good to /manage/.
    router.get("/bookings/:token").handler(ctx -> ctx.response().setStatusCode(301)
        .putHeader("Location", BookingLinks.MANAGE + ctx.pathParam("token")).end());
  }

  private void show(RoutingContext ctx) {
    bookings.show(ctx.pathParam("token"))
        .onSuccess(booking -> render(ctx, 200, booking, formOf(booking), List.of()))
        .onFailure(ctx::fail);
  }

  /** The class's route alone, laid out for paper. */
  private void print(RoutingContext ctx) {
    bookings.show(ctx.pathParam("token"))
        .onSuccess(booking -> pages.render(ctx, 200, "route-print", routeModel(booking, I18n.language(ctx))))
        .onFailure(ctx::fail);
  }

  private void submit(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    MultiMap form = ctx.request().formAttributes();
    boolean cancelling = "cancel".equals(form.get("action"));
    Future<JsonObject> result = cancelling ? cancel(token, form) : change(token, form);
    answer(ctx, token, form, result, cancelling ? "cancelled" : "updated");
  }

  /** Picks a challenge's slot ("challengeId:slotId"), or drops the pick. */
  private void challenge(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    MultiMap form = ctx.request().formAttributes();
    boolean dropping = "drop".equals(form.get("action"));
    Future<Void> result = dropping ? challenges.drop(token) : pickedSlot(form.get("slot"))
        .compose(ids -> challenges.pick(token, ids[0], ids[1]));
    answer(ctx, token, form, result, dropping ? "challenge_dropped" : "challenge_picked");
  }

  private static Future<long[]> pickedSlot(String value) {
    String[] ids = value == null ? new String[0] : value.split(":");
    try {
      if (ids.length == 2) {
        return Future.succeededFuture(new long[] {Long.parseLong(ids[0]), Long.parseLong(ids[1])});
      }
    } catch (NumberFormatException e) {
      // Falls through to the refusal below: a form only sends the values it lists.
    }
    return Future.failedFuture(AppException.invalid("slot", "CHOOSE_SLOT", Map.of()));
  }

  /** Back to the manage page with a notice, or the page again with the refusal next to its field. */
  private void answer(RoutingContext ctx, String token, MultiMap form, Future<?> result, String notice) {
    result.onSuccess(done -> Http.seeOther(ctx, BookingLinks.MANAGE + token + "?done=" + notice))
        .onFailure(error -> Refusals.show(ctx, error, (status, errors) -> showRefusal(ctx, token, form, status, errors)));
  }

  private Future<JsonObject> change(String token, MultiMap form) {
    return Future.succeededFuture(Forms.json(form, FORM_FIELDS, WHOLE_NUMBERS))
        .map(json -> BookingChange.parse(JsonInput.of(json)))
        .compose(change -> bookings.change(token, change));
  }

  private Future<JsonObject> cancel(String token, MultiMap form) {
    if (!"yes".equals(form.get("confirm"))) {
      return Future.failedFuture(AppException.invalid("confirm", "CONFIRM_CANCELLATION", Map.of()));
    }
    return bookings.cancel(token);
  }

  private void showRefusal(RoutingContext ctx, String token, MultiMap form, int status, List<FieldError> errors) {
    bookings.show(token)
        .onSuccess(booking -> {
          // Only the form that was sent keeps what was typed; the other shows the booking.
          JsonObject typed = form.contains("slot") || "drop".equals(form.get("action"))
              ? formOf(booking).put("slot", form.get("slot")) : Forms.json(form, FORM_FIELDS, Set.of());
          render(ctx, status, booking, typed, errors);
        })
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, JsonObject booking, JsonObject form, List<FieldError> errors) {
    String language = I18n.language(ctx);
    String slug = booking.getJsonObject("fair").getString("slug");
    Future<JsonArray> offered = challenges.offered(slug, I18n.messages(language))
        // A fair taken off line still shows its bookings: without challenges then.
        .recover(unreadable -> Future.succeededFuture(new JsonArray()));
    Future.all(offered, fairs.findBySlug(slug))
        .onSuccess(all -> render(ctx, status, booking, form, errors, ChallengeSection.model(booking, all.resultAt(0),
            form.getString("slot"), I18n.messages(language)), all.resultAt(1)))
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, JsonObject booking, JsonObject form, List<FieldError> errors,
                      JsonObject challengeSection, Fair fair) {
    String language = I18n.language(ctx);
    String done = ctx.queryParams().get("done");
    JsonObject model = routeModel(booking, language)
        .put("challenge", challengeSection)
        .put("manage_path", BookingLinks.MANAGE + ctx.pathParam("token"))
        .put("status_label", I18n.message(language, "status_" + booking.getString("status")))
        .put("cancelled", Booking.CANCELLED.equals(booking.getString("status")))
        .put("calendar", new Subscription(booking.getString("track_name"), booking.getString("calendar_url")).toJson())
        .put("form", form)
        .put("waiting", WaitingReason.model(booking, language))
        .put("choices", new JsonObject().put("arrival", BookingChoices.busTimes(fair, form.getString("arrival")))
            .put("departure", BookingChoices.busTimes(fair, form.getString("departure"))))
        .put("errors", Pages.errorList(errors));
    if (errors.isEmpty() && done != null && NOTICES.contains(done)) {
      model.put("notice", I18n.message(language, "notice_" + done));
    }
    pages.render(ctx, status, "booking", model);
  }

  /** What both the manage page and the print view show: the class, its day as people write it, its route. */
  private static JsonObject routeModel(JsonObject booking, String language) {
    return new JsonObject()
        .put("title", booking.getJsonObject("class").getString("name"))
        .put("booking", booking)
        .put("day", Dates.date(language, LocalDate.parse(booking.getString("day"))))
        .put("fair_name", booking.getJsonObject("fair").getString("name"))
        .put("track_name", booking.getString("track_name"))
        .put("route", routeRows(booking.getJsonArray("route")))
        .put("picked", ChallengeSection.picked(booking));
  }

  /** "09:00 – 09:30" rows: the page shows the fair's local clock, not offsets. */
  private static JsonArray routeRows(JsonArray route) {
    JsonArray rows = new JsonArray();
    route.forEach(step -> {
      JsonObject s = (JsonObject) step;
      rows.add(new JsonObject().put("title", s.getString("title")).put("room", s.getString("room"))
          .put("time", clock(s.getString("starts_at")) + " – " + clock(s.getString("ends_at"))));
    });
    return rows;
  }

  static String clock(String isoLocal) {
    return isoLocal.substring(11, 16);
  }

  private static JsonObject formOf(JsonObject booking) {
    JsonObject form = new JsonObject();
    FORM_FIELDS.forEach(field -> form.put(field, booking.getValue(field)));
    return form;
  }
}
