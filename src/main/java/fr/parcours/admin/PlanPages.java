package fr.parcours.admin;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.planner.PlanEvents;
import fr.parcours.planner.PlanService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The organiser asks the solver for a plan: the demand per track, the time limit and whether to
 * keep what is placed; follows its best score live (the plan's events, under the organiser's
 * session); stops it; reads the proposal beside today's programme ({@link PlanView}) and applies
 * it in one step. A refusal, such as a programme changed since the plan started, is shown with
 * its status on the page.
 */
final class PlanPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/plan";

  private final AdminSession session;
  private final ResourceService resources;
  private final PlanService plans;
  private final PlanEvents events;
  private final Pages pages;

  PlanPages(AdminSession session, ResourceService resources, PlanService plans, PlanEvents events, Pages pages) {
    this.session = session;
    this.resources = resources;
    this.plans = plans;
    this.events = events;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        render(ctx, 200, organiser.toJson(), fair, planAsked(ctx), null, List.of(), null)));
    router.post(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> resources.programme(fair)
        .compose(programme -> {
          JsonObject typed = PlanForm.typed(ctx.request().formAttributes(), programme.tracks());
          return plans.start(fair, PlanForm.body(typed, fair))
              .<Void>map(started -> back(ctx, fair, started.getLong("id")))
              .recover(error -> Refusals.shown(error, (status, errors) ->
                  render(ctx, status, organiser.toJson(), fair, null, typed, errors, null)));
        })));
    router.post(PATH + "/:planId/stop").handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        plans.stop(fair, id(ctx)).map(stopped -> back(ctx, fair, id(ctx)))));
    router.post(PATH + "/:planId/apply").handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        plans.apply(fair, id(ctx))
            .compose(applied -> render(ctx, 200, organiser.toJson(), fair, id(ctx), null, List.of(),
                applied.getJsonArray("changes").size()))
            .recover(error -> Refusals.shown(error, (status, errors) ->
                render(ctx, status, organiser.toJson(), fair, id(ctx), null, errors, null)))));
    router.get(PATH + "/:planId/events").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      events.stream(ctx, Future.succeededFuture(fair), id(ctx));
      return Future.succeededFuture();
    }));
  }

  private static Void back(RoutingContext ctx, Fair fair, long id) {
    Http.seeOther(ctx, "/admin/fairs/" + fair.slug() + "/plan?plan=" + id);
    return null;
  }

  /** The plan shown: the one asked for ({@code ?plan=}), else the fair's latest. */
  private static Long planAsked(RoutingContext ctx) {
    String asked = ctx.queryParams().get("plan");
    try {
      return asked == null ? null : Long.parseLong(asked);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Future<Void> render(RoutingContext ctx, int status, JsonObject organiser, Fair fair, Long planId,
                              JsonObject typed, List<FieldError> errors, Integer applied) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    Future<JsonObject> plan = planId != null ? plans.proposal(fair, planId)
        : plans.latest(fair).compose(latest -> latest == null ? Future.succeededFuture(null)
            : plans.proposal(fair, latest.getLong("id")));
    return Future.all(resources.programme(fair), plan).map(read -> {
      FairProgramme programme = read.resultAt(0);
      JsonObject shown = read.resultAt(1);
      JsonObject model = new JsonObject()
          .put("title", messages.getString("plan_title") + " — " + fair.details().name())
          .put("organiser", organiser).put("fair", Dashboard.fairSummary(fair))
          .put("form", typed != null ? typed : PlanForm.blank(programme.tracks()))
          .put("errors", Pages.errorList(errors)).put("applied", applied);
      if (shown != null) {
        model.put("plan", new PlanView(programme, language, fair.zone()).model(shown, fair.slug()));
      }
      pages.render(ctx, status, "admin-plan", model);
      return null;
    });
  }

  private static long id(RoutingContext ctx) {
    return Http.idParam(ctx, "planId", "plan");
  }
}
