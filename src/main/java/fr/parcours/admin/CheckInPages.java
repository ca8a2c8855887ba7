package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.checkin.Arrival;
import fr.parcours.checkin.CheckInRequest;
import fr.parcours.checkin.CheckInService;
import fr.parcours.checkin.StaffLinks;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.i18n.Dates;
import fr.parcours.web.ErrorHandler;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The entrance's page on the day, made for a phone held by a volunteer: a class found by its
 * code (typed, or read from its QR code by the camera where the browser can) or by its school's
 * name, checked in with the headcount that came, undone after a mistake. Without a network the
 * page's script queues each check-in with its Idempotency-Key and sends it once back online:
 * the same form posted with {@code Accept: application/json} answers in JSON for it.
 */
final class CheckInPages {

  private static final String PATH = StaffLinks.checkIn(":fairSlug");

  private final AdminSession session;
  private final FairService fairs;
  private final CheckInService checkIns;
  private final Pages pages;

  CheckInPages(AdminSession session, FairService fairs, CheckInService checkIns, Pages pages) {
    this.session = session;
    this.fairs = fairs;
    this.checkIns = checkIns;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> staff(ctx, (organiser, fair) -> render(ctx, 200, organiser, fair,
        query(ctx, "code"), List.of(), notice(ctx))));
    router.post(PATH).handler(ctx -> staff(ctx, (organiser, fair) -> checkIn(ctx, organiser, fair)));
    router.post(PATH + "/undo").handler(ctx -> staff(ctx, (organiser, fair) -> checkIns
        .undo(fair.slug(), organiser, ctx.request().getFormAttribute("code"))
        .map(done -> back(ctx, fair, "undone"))));
  }

  private void staff(RoutingContext ctx, BiFunction<Organiser, Fair, Future<Void>> page) {
    session.signedIn(ctx, organiser -> fairs.require(ctx.pathParam("fairSlug"), organiser, FairRole.STAFF)
        .compose(fair -> page.apply(organiser, fair)));
  }

  private Future<Void> checkIn(RoutingContext ctx, Organiser organiser, Fair fair) {
    MultiMap form = ctx.request().formAttributes();
    boolean script = accepts(ctx, "application/json");
    return Future.<CheckInRequest>succeededFuture().map(start -> CheckInRequest.parse(JsonInput.of(new JsonObject()
            .put("code", form.get("code")).put("pupils", number(form.get("pupils"))).put("adults", number(form.get("adults"))))))
        .compose(request -> checkIns.checkIn(fair.slug(), organiser, key(form), request))
        .<Void>map(done -> {
          if (script) {
            Http.json(ctx, 201, new JsonObject().put("code", done.value().code()).put("replayed", !done.created()));
          } else {
            back(ctx, fair, "checked_in");
          }
          return null;
        })
        .recover(error -> {
          if (!(error instanceof AppException refusal) || refusal.kind() == AppException.Kind.UNAUTHENTICATED) {
            return Future.failedFuture(error);
          }
          List<FieldError> errors = refusal.kind() == AppException.Kind.NOT_FOUND
              ? List.of(FieldError.of("code", "CHECK_IN_CODE", Map.of())) : Pages.fieldErrors(refusal);
          int status = refusal.kind() == AppException.Kind.NOT_FOUND ? 404 : ErrorHandler.status(refusal.kind());
          if (script) {
            String language = I18n.language(ctx);
            Http.json(ctx, status, new JsonObject().put("errors", new JsonArray(errors.stream()
                .map(e -> (Object) Pages.said(e, language)).toList())));
            return Future.succeededFuture();
          }
          return render(ctx, status, organiser, fair, form.get("code"), errors, null);
        });
  }

  /** A number as typed; what is not one is left as text, for the field's own refusal. */
  private static Object number(String typed) {
    try {
      return typed == null ? null : Integer.valueOf(typed.trim());
    } catch (NumberFormatException e) {
      return typed;
    }
  }

  /** The key the page (or its queue) sent; a page without one gets a key per post. */
  private static String key(MultiMap form) {
    String key = form.get("idempotency_key");
    return key == null || key.isBlank() || key.length() > 200 ? UUID.randomUUID().toString() : key;
  }

  private static Void back(RoutingContext ctx, Fair fair, String notice) {
    Http.seeOther(ctx, StaffLinks.checkIn(fair.slug()) + "?done=" + notice);
    return null;
  }

  private Future<Void> render(RoutingContext ctx, int status, Organiser organiser, Fair fair, String code,
                              List<FieldError> errors, String notice) {
    String language = I18n.language(ctx);
    String search = query(ctx, "q");
    return checkIns.arrivals(fair.slug(), organiser).map(arrivals -> {
      Arrival chosen = code == null ? null : arrivals.stream().filter(a -> a.code().equalsIgnoreCase(code.trim()))
          .findFirst().orElse(null);
      List<Arrival> shown = arrivals.stream().filter(a -> matches(a, search)).toList();
      JsonObject model = new JsonObject()
          .put("title", I18n.message(language, "staff_title"))
          .put("fair", Dashboard.fairSummary(fair))
          .put("action", StaffLinks.checkIn(fair.slug()))
          .put("key", UUID.randomUUID().toString())
          .put("code", code)
          .put("chosen", chosen == null ? null : row(chosen, language))
          .put("search", search)
          .put("classes", new JsonArray(shown.stream().map(a -> (Object) row(a, language)).toList()))
          .put("arrived", arrivals.stream().filter(Arrival::checkedIn).count())
          .put("expected", arrivals.size())
          .put("pupils_present", arrivals.stream().mapToInt(Arrival::pupilsPresent).sum())
          .put("pupils_booked", arrivals.stream().mapToInt(Arrival::pupilsBooked).sum())
          .put("notice", notice == null ? null : I18n.message(language, "staff_notice_" + notice))
          .put("errors", Pages.errorList(errors));
      pages.render(ctx, status, "staff-check-in", model);
      return null;
    });
  }

  private static boolean matches(Arrival a, String search) {
    if (search == null || search.isBlank()) {
      return true;
    }
    return searchable(a).contains(search.trim().toLowerCase(Locale.ROOT));
  }

  /** What a search by school, city, class or code looks into (the page's script filters on it too). */
  private static String searchable(Arrival a) {
    return (a.school() + " " + a.city() + " " + a.className() + " " + a.code()).toLowerCase(Locale.ROOT);
  }

  private static JsonObject row(Arrival a, String language) {
    return new JsonObject().put("code", a.code()).put("school", a.school()).put("city", a.city())
        .put("class", a.className()).put("level", a.level()).put("track", a.track())
        .put("window", Dates.range(language, a.arrival(), a.departure()))
        .put("pupils", a.pupilsBooked()).put("adults", a.adultsBooked())
        .put("checked_in", a.checkedIn())
        .put("pupils_present", a.pupils()).put("adults_present", a.adults())
        .put("search", searchable(a));
  }

  private static String notice(RoutingContext ctx) {
    String done = query(ctx, "done");
    return "checked_in".equals(done) || "undone".equals(done) ? done : null;
  }

  private static String query(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null || value.isBlank() || value.length() > 100 ? null : value;
  }

  private static boolean accepts(RoutingContext ctx, String type) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains(type);
  }
}
