package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.checkin.Arrival;
import fr.parcours.checkin.CheckInService;
import fr.parcours.checkin.Entrance;
import fr.parcours.checkin.StaffLinks;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.i18n.Dates;
import fr.parcours.i18n.Term;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The entrance's page on the day, made for a phone held by a volunteer: a class found by its
 * code (typed, or read from its QR code by the camera where the browser can) or by its school's
 * name, checked in with the headcount that came, undone after a mistake. Without a network the
 * page's script queues each check-in with its Idempotency-Key and sends it once back online:
 * the same form posted with {@code Accept: application/json} answers in JSON for it.
 */
final class CheckInPages {

  private static final String PATH = StaffLinks.checkIn(":fairSlug");
  private static final Term UNKNOWN_CLASS = Term.of("thing.check_in");

  private final AdminSession session;
  private final CheckInService checkIns;
  private final Pages pages;

  CheckInPages(AdminSession session, CheckInService checkIns, Pages pages) {
    this.session = session;
    this.checkIns = checkIns;
    this.pages = pages;
  }

  // The service checks the fair's role; the pages leave it to it, and a post asks it once.
  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.signedIn(ctx, organiser -> checkIns.entrance(fairSlug(ctx), organiser)
        .map(entrance -> render(ctx, 200, entrance, query(ctx, "code"), List.of(), notice(ctx)))));
    router.post(PATH).handler(ctx -> session.signedIn(ctx, organiser -> checkIns.entranceFair(fairSlug(ctx), organiser)
        .compose(fair -> checkIn(ctx, fair, organiser))));
    router.post(PATH + "/undo").handler(ctx -> session.signedIn(ctx, organiser -> checkIns
        .undo(fairSlug(ctx), organiser, ctx.request().getFormAttribute("code"))
        .map(done -> back(ctx, "undone"))));
  }

  /**
   * Checks a class in at {@code fair}, its role checked once before (so only the fair's staff
   * hear what was wrong with what they typed); a refusal of the form redraws the page with it.
   */
  private Future<Void> checkIn(RoutingContext ctx, Fair fair, Organiser organiser) {
    return StaffPost.answer(ctx, (request, key) -> checkIns.checkIn(fair, organiser, key, request)
            .map(done -> new Outcome<>(done.value().code(), done.created())),
        CheckInPages::shown, () -> back(ctx, "checked_in"),
        (status, errors) -> checkIns.entrance(fair).map(entrance -> render(ctx, status, entrance,
            ctx.request().getFormAttribute("code"), errors, null)));
  }

  /** A refusal of what was typed (a code, a headcount), shown on the page; the fair's own go to the error page. */
  private static Optional<StaffPost.Refused> shown(AppException refusal) {
    return switch (refusal.kind()) {
      case UNAUTHENTICATED, FORBIDDEN -> Optional.empty();
      case NOT_FOUND -> UNKNOWN_CLASS.equals(refusal.params().get("what"))
          ? Optional.of(new StaffPost.Refused(404, List.of(FieldError.of("code", "CHECK_IN_CODE", Map.of()))))
          : Optional.empty();
      default -> Optional.of(StaffPost.Refused.of(refusal));
    };
  }

  private static Void back(RoutingContext ctx, String notice) {
    Http.seeOther(ctx, StaffLinks.checkIn(fairSlug(ctx)) + "?done=" + notice);
    return null;
  }

  private Void render(RoutingContext ctx, int status, Entrance entrance, String code, List<FieldError> errors,
                     String notice) {
    String language = I18n.language(ctx);
    String search = query(ctx, "q");
    Fair fair = entrance.fair();
    List<Arrival> arrivals = entrance.arrivals();
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

  private static String fairSlug(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }

  private static String notice(RoutingContext ctx) {
    String done = query(ctx, "done");
    return "checked_in".equals(done) || "undone".equals(done) ? done : null;
  }

  private static String query(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null || value.isBlank() || value.length() > 100 ? null : value;
  }
}
