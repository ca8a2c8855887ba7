package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.web.Forms;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import fr.parcours.web.Subscription;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

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
  private static final Set<String> NOTICES = Set.of("booked", "updated", "cancelled", "offer_accepted", "late_announced", "challenge_picked",
      "challenge_dropped");

  private final BookingService bookings;
  private final LateBus lateBus;
  private final ChallengeChoice challenges;
  private final Pages pages;

  public BookingPageRoutes(BookingService bookings, LateBus lateBus, ChallengeChoice challenges, Pages pages) {
    this.bookings = bookings;
    this.lateBus = lateBus;
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
        .onSuccess(shown -> render(ctx, 200, shown, ManagePage.form(shown), List.of()))
        .onFailure(ctx::fail);
  }

  /** The class's route alone, laid out for paper. */
  private void print(RoutingContext ctx) {
    bookings.show(ctx.pathParam("token"))
        .onSuccess(shown -> pages.render(ctx, 200, "route-print", ManagePage.model(shown, I18n.language(ctx))))
        .onFailure(ctx::fail);
  }

  private void submit(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    MultiMap form = ctx.request().formAttributes();
    String action = String.valueOf(form.get("action"));
    Future<?> result = switch (action) {
      case "cancel" -> cancel(token, form);
      case "accept" -> bookings.accept(token);
      case "late" -> Future.succeededFuture(JsonInput.of(new JsonObject().put("arrival", form.get("late_arrival"))))
          .compose(in -> lateBus.announce(token, LateBus.arrival(in)));
      default -> change(token, form);
    };
    answer(ctx, token, form, result, switch (action) {
      case "cancel" -> "cancelled";
      case "accept" -> "offer_accepted";
      case "late" -> "late_announced";
      default -> "updated";
    });
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

  private Future<ShownBooking> change(String token, MultiMap form) {
    return Future.succeededFuture(Forms.json(form, FORM_FIELDS, WHOLE_NUMBERS))
        .map(json -> BookingChange.parse(JsonInput.of(json)))
        .compose(change -> bookings.change(token, change));
  }

  private Future<ShownBooking> cancel(String token, MultiMap form) {
    if (!"yes".equals(form.get("confirm"))) {
      return Future.failedFuture(AppException.invalid("confirm", "CONFIRM_CANCELLATION", Map.of()));
    }
    return bookings.cancel(token);
  }

  private void showRefusal(RoutingContext ctx, String token, MultiMap form, int status, List<FieldError> errors) {
    bookings.show(token)
        .onSuccess(shown -> {
          // Only the form that was sent keeps what was typed; the other shows the booking.
          JsonObject typed = form.contains("slot") || "drop".equals(form.get("action"))
              ? ManagePage.form(shown).put("slot", form.get("slot")) : Forms.json(form, FORM_FIELDS, Set.of());
          render(ctx, status, shown, typed, errors);
        })
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, ShownBooking shown, JsonObject form, List<FieldError> errors) {
    JsonObject messages = I18n.messages(I18n.language(ctx));
    challenges.offered(shown.fair().slug())
        // A fair taken off line still shows its bookings: without challenges then.
        .recover(unreadable -> Future.succeededFuture(List.of()))
        .onSuccess(offered -> render(ctx, status, shown, form, errors,
            ChallengeSection.model(shown, offered, form.getString("slot"), messages)))
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, ShownBooking shown, JsonObject form, List<FieldError> errors,
                      JsonObject challengeSection) {
    String language = I18n.language(ctx);
    String bookingStatus = shown.booking().status();
    String done = ctx.queryParams().get("done");
    JsonObject model = ManagePage.model(shown, language)
        .put("challenge", challengeSection)
        .put("manage_path", BookingLinks.MANAGE + ctx.pathParam("token"))
        .put("status_label", I18n.message(language, "status_" + bookingStatus))
        .put("cancelled", Booking.CANCELLED.equals(bookingStatus))
        .put("calendar", new Subscription(shown.booking().trackName(), shown.calendarUrl()).toJson())
        .put("form", form)
        .put("waiting", WaitingReason.model(shown, language))
        .put("choices", new JsonObject().put("arrival", BookingChoices.busTimes(shown.fair(), form.getString("arrival")))
            .put("late", BookingChoices.busTimes(shown.fair(), null))
            .put("departure", BookingChoices.busTimes(shown.fair(), form.getString("departure"))))
        .put("errors", Pages.errorList(errors));
    if (errors.isEmpty() && done != null && NOTICES.contains(done)) {
      model.put("notice", I18n.message(language, "notice_" + done));
    }
    pages.render(ctx, status, "booking", model);
  }
}
