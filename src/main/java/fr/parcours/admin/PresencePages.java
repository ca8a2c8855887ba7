package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.checkin.PresenceService;
import fr.parcours.checkin.RoomSession;
import fr.parcours.checkin.Seated;
import fr.parcours.checkin.SessionSheet;
import fr.parcours.checkin.StaffLinks;
import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.i18n.Dates;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Room staff's phone pages: the fair's sessions to pick one, then the session's sheet where
 * each class holding a place is marked present with the headcount that came in. As at the
 * entrance, the page's script queues each mark with its Idempotency-Key when the network is
 * gone; the form posted with {@code Accept: application/json} answers in JSON for it.
 */
final class PresencePages {

  private static final String ROOMS = StaffLinks.rooms(":fairSlug");
  private static final String SESSION = StaffLinks.session(":fairSlug", ":sessionId");

  private final AdminSession session;
  private final PresenceService presences;
  private final Pages pages;

  PresencePages(AdminSession session, PresenceService presences, Pages pages) {
    this.session = session;
    this.presences = presences;
    this.pages = pages;
  }

  // The service checks the fair's role on every call; the pages leave it to it.
  void mount(Router router) {
    router.get(ROOMS).handler(ctx -> session.signedIn(ctx, organiser -> rooms(ctx, organiser)));
    router.get(SESSION).handler(ctx -> session.signedIn(ctx, organiser -> sheet(ctx, 200, organiser, List.of(),
        "marked".equals(ctx.queryParams().get("done")) || "undone".equals(ctx.queryParams().get("done"))
            ? ctx.queryParams().get("done") : null)));
    router.post(SESSION).handler(ctx -> session.signedIn(ctx, organiser -> mark(ctx, organiser)));
    router.post(SESSION + "/undo").handler(ctx -> session.signedIn(ctx, organiser -> presences
        .unmark(fairSlug(ctx), organiser, sessionId(ctx), ctx.request().getFormAttribute("code"))
        .map(done -> back(ctx, "undone"))));
  }

  private Future<Void> rooms(RoutingContext ctx, Organiser organiser) {
    String language = I18n.language(ctx);
    return presences.rooms(fairSlug(ctx), organiser).map(rooms -> {
      Map<String, JsonArray> byDay = new LinkedHashMap<>();
      for (RoomSession s : rooms.sessions()) {
        byDay.computeIfAbsent(Dates.date(language, s.startsAt().toLocalDate()), day -> new JsonArray())
            .add(session(s, language).put("href", StaffLinks.session(rooms.fair().slug(), String.valueOf(s.id()))));
      }
      pages.render(ctx, 200, "staff-rooms", new JsonObject()
          .put("title", I18n.message(language, "presence_rooms_title"))
          .put("fair", Dashboard.fairSummary(rooms.fair()))
          .put("days", new JsonArray(byDay.entrySet().stream().map(e -> (Object) new JsonObject().put("day", e.getKey())
              .put("sessions", e.getValue())).toList())));
      return null;
    });
  }

  private Future<Void> mark(RoutingContext ctx, Organiser organiser) {
    return StaffPost.answer(ctx, (request, key) -> presences.mark(fairSlug(ctx), organiser, sessionId(ctx), key, request)
            .map(done -> new Outcome<>(done.value().arrival().code(), done.created())),
        PresencePages::shown, () -> back(ctx, "marked"),
        (status, errors) -> sheet(ctx, status, organiser, errors, null));
  }

  /** A refusal of what was sent (a headcount, a class not in this session), shown on the page; the fair's go to the error page. */
  private static Optional<StaffPost.Refused> shown(AppException refusal) {
    return switch (refusal.kind()) {
      case UNAUTHENTICATED, FORBIDDEN, NOT_FOUND -> Optional.empty();
      default -> Optional.of(StaffPost.Refused.of(refusal));
    };
  }

  private Future<Void> sheet(RoutingContext ctx, int status, Organiser organiser, List<FieldError> errors, String notice) {
    String language = I18n.language(ctx);
    return presences.sheet(fairSlug(ctx), organiser, sessionId(ctx)).map(sheet -> {
      pages.render(ctx, status, "staff-presence", model(sheet, language)
          .put("errors", Pages.errorList(errors))
          .put("notice", notice == null ? null : I18n.message(language, "presence_notice_" + notice)));
      return null;
    });
  }

  private static JsonObject model(SessionSheet sheet, String language) {
    List<Seated> classes = sheet.classes();
    return new JsonObject()
        .put("title", I18n.message(language, "presence_title"))
        .put("fair", Dashboard.fairSummary(sheet.fair()))
        .put("session", session(sheet.session(), language))
        .put("action", StaffLinks.session(sheet.fair().slug(), String.valueOf(sheet.session().id())))
        .put("rooms", StaffLinks.rooms(sheet.fair().slug()))
        .put("marked", classes.stream().filter(Seated::marked).count())
        .put("expected", classes.size())
        .put("classes", new JsonArray(classes.stream().map(c -> (Object) new JsonObject()
            .put("code", c.arrival().code()).put("school", c.arrival().school()).put("city", c.arrival().city())
            .put("class", c.arrival().className()).put("track", c.arrival().track())
            .put("pupils", c.arrival().pupilsBooked()).put("adults", c.arrival().adultsBooked())
            .put("pupils_likely", c.pupilsLikely()).put("adults_likely", c.adultsLikely())
            .put("checked_in", c.arrival().checkedIn()).put("marked", c.marked())
            .put("key", UUID.randomUUID().toString())).toList()));
  }

  private static JsonObject session(RoomSession s, String language) {
    return new JsonObject().put("id", s.id()).put("title", s.title()).put("place", s.place())
        .put("time", Dates.range(language, s.startsAt().toLocalTime(), s.endsAt().toLocalTime()))
        .put("classes", s.classes()).put("marked", s.marked());
  }

  private static Void back(RoutingContext ctx, String notice) {
    Http.seeOther(ctx, StaffLinks.session(fairSlug(ctx), ctx.pathParam("sessionId")) + "?done=" + notice);
    return null;
  }

  private static String fairSlug(RoutingContext ctx) {
    return ctx.pathParam("fairSlug");
  }

  private static long sessionId(RoutingContext ctx) {
    return Http.idParam(ctx, "sessionId", "session");
  }
}
