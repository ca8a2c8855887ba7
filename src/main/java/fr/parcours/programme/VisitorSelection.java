package fr.parcours.programme;

import fr.parcours.calendar.Selections;
import fr.parcours.error.AppException;
import fr.parcours.web.PageSecurity;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A visitor's starred sessions as the pages see them: the selection's token lives in a cookie
 * scoped to the fair's pages, so a visitor without an account keeps their stars on this browser.
 */
final class VisitorSelection {

  private static final String COOKIE = "selection";
  private static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;

  private final Selections selections;

  VisitorSelection(Selections selections) {
    this.selections = selections;
  }

  /** The visitor's selection of the fair, if their cookie names one that exists. */
  Future<Optional<JsonObject>> current(RoutingContext ctx, String fairSlug) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null || cookie.getValue().isBlank()) {
      return Future.succeededFuture(Optional.empty());
    }
    return selections.get(fairSlug, cookie.getValue()).map(Optional::of)
        .recover(error -> error instanceof AppException missing && missing.kind() == AppException.Kind.NOT_FOUND
            ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(error));
  }

  /** The visitor's selection, made (and remembered in the cookie) on their first star. */
  Future<JsonObject> currentOrNew(RoutingContext ctx, String fairSlug) {
    return current(ctx, fairSlug).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> selections.create(fairSlug).onSuccess(created -> ctx.response().addCookie(
            PageSecurity.cookie(ctx, COOKIE, created.getString("token"), "/fairs/" + fairSlug, ONE_YEAR_SECONDS)))));
  }

  Future<JsonObject> star(String fairSlug, JsonObject selection, long sessionId, boolean star) {
    String token = selection.getString("token");
    return star ? selections.star(fairSlug, token, sessionId) : selections.unstar(fairSlug, token, sessionId);
  }

  static Set<Long> starred(Optional<JsonObject> selection) {
    Set<Long> ids = new HashSet<>();
    selection.ifPresent(s -> s.getJsonArray("sessions").forEach(id -> ids.add(((Number) id).longValue())));
    return ids;
  }

  /** Marks each session card of a timetable grid starred or not. */
  static void mark(JsonObject grid, Set<Long> starred) {
    grid.getJsonArray("days").forEach(day -> ((JsonObject) day).getJsonArray("rows").forEach(row ->
        ((JsonObject) row).getJsonArray("cells").forEach(cell -> sessions((JsonObject) cell)
            .forEach(card -> card.put("starred", starred.contains(card.getLong("id")))))));
  }

  private static Iterable<JsonObject> sessions(JsonObject cell) {
    JsonArray sessions = cell.getJsonArray("sessions");
    return sessions.stream().map(JsonObject.class::cast).toList();
  }
}
