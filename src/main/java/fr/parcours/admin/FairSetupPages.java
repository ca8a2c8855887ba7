package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDetails;
import fr.parcours.fair.FairService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The organiser sets up a fair: creates it (name, city, address in URLs, time zone, days and
 * hours, registration window, changeover), edits it, publishes or unpublishes it, through the
 * fair service the API uses; refusals come back next to their fields.
 */
final class FairSetupPages {

  static final String NEW = AdminSession.PATH + "/fairs/new";
  static final String SETTINGS = AdminSession.PATH + "/fairs/:fairSlug/settings";

  private final AdminSession session;
  private final FairService fairs;
  private final Pages pages;

  FairSetupPages(AdminSession session, FairService fairs, Pages pages) {
    this.session = session;
    this.fairs = fairs;
    this.pages = pages;
  }

  /** Mounted before the fair's own pages, so that "new" is not read as a fair's slug. */
  void mount(Router router) {
    router.get(NEW).handler(ctx -> session.signedIn(ctx, organiser -> form(ctx, 200, organiser, null,
        new JsonObject().put("time_zone", "Europe/Paris").put("changeover_minutes", 10), List.of())));
    router.post(NEW).handler(ctx -> session.signedIn(ctx, organiser ->
        fairs.create(organiser, JsonInput.of(FairForm.body(ctx.request().formAttributes())))
            .<Void>map(fair -> settingsOf(ctx, fair))
            .recover(error -> Refusals.shown(error, (status, errors) ->
                form(ctx, status, organiser, null, FairForm.typed(ctx.request().formAttributes()), errors)))));
    router.get(SETTINGS).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        form(ctx, 200, organiser, fair, FairForm.of(fair), List.of())));
    router.post(SETTINGS).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        fairs.update(fair, JsonInput.of(FairForm.body(ctx.request().formAttributes())))
            .<Void>map(saved -> settingsOf(ctx, saved))
            .recover(error -> Refusals.shown(error, (status, errors) ->
                form(ctx, status, organiser, fair, FairForm.typed(ctx.request().formAttributes()), errors)))));
    router.post(AdminSession.PATH + "/fairs/:fairSlug/status").handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        fairs.update(fair, JsonInput.of(new JsonObject().put("status", published(ctx))))
            .map(saved -> settingsOf(ctx, saved))));
  }

  private static String published(RoutingContext ctx) {
    return FairDetails.PUBLISHED.equals(ctx.request().getFormAttribute("status"))
        ? FairDetails.PUBLISHED : FairDetails.DRAFT;
  }

  private static Void settingsOf(RoutingContext ctx, Fair fair) {
    Http.seeOther(ctx, AdminSession.PATH + "/fairs/" + fair.slug() + "/settings");
    return null;
  }

  /** The form of a new fair ({@code fair} null) or of {@code fair}'s settings, with {@code values} in its fields. */
  private Future<Void> form(RoutingContext ctx, int status, Organiser organiser, Fair fair, JsonObject values,
                            List<FieldError> errors) {
    JsonObject messages = I18n.messages(I18n.language(ctx));
    JsonObject model = new JsonObject().put("organiser", organiser.toJson()).put("form", values)
        .put("days", FairForm.dayRows(values, errors)).put("errors", Pages.errorList(errors))
        .put("kinds", ResourceForm.kinds(messages));
    if (fair == null) {
      model.put("title", messages.getString("admin_new_fair")).put("action", NEW);
    } else {
      model.put("title", messages.getString("admin_settings_title") + " — " + fair.details().name())
          .put("fair", Dashboard.fairSummary(fair)).put("action", "/admin/fairs/" + fair.slug() + "/settings");
    }
    pages.render(ctx, status, "admin-fair-form", model);
    return Future.succeededFuture();
  }
}
