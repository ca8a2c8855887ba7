package fr.parcours.programme;

import fr.parcours.error.AppException;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import fr.parcours.web.Redirects;
import fr.parcours.web.Subscription;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/**
 * A visitor's stars on the pages: a plain form posts a star or its removal (no script needed),
 * and "my selection" lists the starred sessions with the selection's own calendar feed.
 */
public final class SelectionPageRoutes {

  private final FairService fairs;
  private final ResourceService resources;
  private final VisitorSelection visitor;
  private final Pages pages;

  public SelectionPageRoutes(FairService fairs, ResourceService resources, VisitorSelection visitor, Pages pages) {
    this.fairs = fairs;
    this.resources = resources;
    this.visitor = visitor;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/fairs/:fairSlug/selection").handler(this::show);
    router.post("/fairs/:fairSlug/selection").handler(this::star);
  }

  private void star(RoutingContext ctx) {
    String slug = ctx.pathParam("fairSlug");
    MultiMap form = ctx.request().formAttributes();
    long sessionId = sessionId(form.get("session"));
    boolean star = !"unstar".equals(form.get("action"));
    visitor.currentOrNew(ctx, slug)
        .compose(selection -> visitor.star(slug, selection, sessionId, star))
        .onSuccess(done -> Http.seeOther(ctx, returnPath(slug, form.get("return")) + anchor(form.get("anchor"))))
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    String slug = ctx.pathParam("fairSlug");
    JsonObject messages = I18n.messages(I18n.language(ctx));
    fairs.readable(slug, null)
        .compose(fair -> Future.all(resources.programme(fair), visitor.current(ctx, slug))
            .map(both -> model(ctx, fair, Programme.of(both.resultAt(0)), both.resultAt(1), messages)))
        .onSuccess(model -> pages.render(ctx, 200, "selection", model))
        .onFailure(ctx::fail);
  }

  private static JsonObject model(RoutingContext ctx, Fair fair, Programme programme,
                                  Optional<JsonObject> selection, JsonObject messages) {
    // The selection lists its sessions in time order already.
    JsonArray sessions = new JsonArray();
    selection.ifPresent(found -> found.getJsonArray("sessions").forEach(id -> programme.sessions().stream()
        .filter(s -> s.id() == ((Number) id).longValue()).findFirst()
        .ifPresent(s -> sessions.add(TimetableGrid.card(programme, s, messages).put("starred", true)))));
    JsonObject model = ProgrammePageRoutes.fairModel(ctx, fair)
        .put("title", messages.getString("selection_title"))
        .put("sessions", sessions);
    selection.ifPresent(s -> model.put("feed",
        new Subscription(messages.getString("selection_feed"), s.getString("calendar_url")).toJson()));
    return model;
  }

  private static long sessionId(String value) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw AppException.invalid("session", "REQUIRED", Map.of());
    }
  }

  /** The star's own place on the page, so the visitor lands where they clicked, not at the top. */
  private static String anchor(String asked) {
    return asked != null && asked.matches("[a-z]{1,10}-[0-9]{1,18}") ? "#" + asked : "";
  }

  /** Back to the page the star was clicked on, only if it is one of this fair's pages (no open redirect). */
  private static String returnPath(String slug, String asked) {
    String pages = "/fairs/" + slug;
    return Redirects.isLocalPath(asked)
        && (asked.equals(pages) || asked.startsWith(pages + "/") || asked.startsWith(pages + "?"))
        ? asked : pages + "/selection";
  }
}
