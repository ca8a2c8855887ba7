package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.common.Futures;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDetails;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.fair.resource.SlotService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The organiser sets up a fair: creates it in one guided form (name, city, days and hours, talk
 * length, changeover, lunch break; its slug and time zone in an "advanced" part) with its slot
 * grid, then edits it (registration window…), publishes or unpublishes it, through the services
 * the API uses; refusals come back next to their fields. The settings say what the fair still
 * lacks before classes can book it ({@link PublishCheck}) next to the publish button.
 */
final class FairSetupPages {

  static final String NEW = AdminSession.PATH + "/fairs/new";
  static final String SETTINGS = AdminSession.PATH + "/fairs/:fairSlug/settings";
  /** The fields of the set-up's "advanced" part, opened when one of them is refused. */
  private static final Set<String> ADVANCED = Set.of("slug", "time_zone", "description");

  private final AdminSession session;
  private final FairService fairs;
  private final ResourceService resources;
  private final SlotService slots;
  private final Pages pages;

  FairSetupPages(AdminSession session, FairService fairs, ResourceService resources, Pages pages) {
    this.session = session;
    this.fairs = fairs;
    this.resources = resources;
    this.slots = new SlotService(resources);
    this.pages = pages;
  }

  /** Mounted before the fair's own pages, so that "new" is not read as a fair's slug. */
  void mount(Router router) {
    router.get(NEW).handler(ctx -> session.signedIn(ctx, organiser -> guided(ctx, 200, organiser,
        GuidedSetup.defaults().put("day0", new JsonObject().put("opens_at", "09:00").put("closes_at", "17:00")), List.of())));
    router.post(NEW).handler(ctx -> session.signedIn(ctx, organiser -> create(ctx, organiser)));
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

  /**
   * Creates the fair and lays out its slot grid with the API's generator, then shows the grid for
   * a last adjustment; every refusal (the fair's and the grid's) is shown at once, nothing created.
   */
  private Future<Void> create(RoutingContext ctx, Organiser organiser) {
    MultiMap form = ctx.request().formAttributes();
    JsonObject body = GuidedSetup.fairBody(form);
    List<FieldError> problems = new ArrayList<>(fairs.problems(body));
    GuidedSetup.Grid grid = GuidedSetup.grid(form, problems);
    if (problems.isEmpty()) {
      problems.addAll(GuidedSetup.emptyDays(grid, GuidedSetup.days(body)));
    }
    if (!problems.isEmpty()) {
      return guided(ctx, 400, organiser, GuidedSetup.typed(form), problems);
    }
    return fairs.create(organiser, JsonInput.of(body))
        .compose(fair -> Futures.sequentially(fair.days().stream().flatMap(day -> grid.generators(day).stream()).toList(),
                generator -> slots.create(fair, JsonInput.of(generator)).mapEmpty())
            .map(done -> fair))
        .<Void>map(fair -> {
          Http.seeOther(ctx, GridPages.path(fair));
          return null;
        })
        .recover(error -> Refusals.shown(error, (status, errors) -> guided(ctx, status, organiser,
            GuidedSetup.typed(form), errors)));
  }

  private Future<Void> guided(RoutingContext ctx, int status, Organiser organiser, JsonObject values,
                              List<FieldError> errors) {
    JsonObject messages = I18n.messages(I18n.language(ctx));
    pages.render(ctx, status, "admin-setup", new JsonObject().put("organiser", organiser.toJson())
        .put("title", messages.getString("admin_new_fair")).put("action", NEW).put("form", values)
        .put("languages", FairForm.languages(values.getString("language", FairDetails.DEFAULT_LANGUAGE)))
        .put("days", FairForm.dayRows(values, errors, I18n.language(ctx))).put("errors", Pages.errorList(errors))
        .put("advanced_open", errors.stream().anyMatch(e -> ADVANCED.contains(e.field()))));
    return Future.succeededFuture();
  }

  private static String published(RoutingContext ctx) {
    return FairDetails.PUBLISHED.equals(ctx.request().getFormAttribute("status"))
        ? FairDetails.PUBLISHED : FairDetails.DRAFT;
  }

  private static Void settingsOf(RoutingContext ctx, Fair fair) {
    Http.seeOther(ctx, AdminSession.PATH + "/fairs/" + fair.slug() + "/settings");
    return null;
  }

  /** The settings of {@code fair}, with {@code values} in their fields. */
  private Future<Void> form(RoutingContext ctx, int status, Organiser organiser, Fair fair, JsonObject values,
                            List<FieldError> errors) {
    JsonObject messages = I18n.messages(I18n.language(ctx));
    return resources.programme(fair).map(programme -> {
      pages.render(ctx, status, "admin-fair-form", new JsonObject().put("organiser", organiser.toJson())
          .put("form", values).put("days", FairForm.dayRows(values, errors, I18n.language(ctx)))
          .put("languages", FairForm.languages(values.getString("language", fair.details().language())))
          .put("registration_modes", FairForm.registrationModes(values.getJsonObject("registration", new JsonObject())
              .getString("mode"), I18n.language(ctx)))
          .put("errors", Pages.errorList(errors)).put("kinds", ResourceForm.kinds(messages))
          .put("title", messages.getString("admin_settings_title") + " — " + fair.details().name())
          .put("fair", Dashboard.fairSummary(fair)).put("action", "/admin/fairs/" + fair.slug() + "/settings")
          .put("steps", SetupSteps.of(fair, "settings", messages))
          .put("missing", PublishCheck.shown(fair.slug(), programme, messages)));
      return null;
    });
  }
}
