package fr.parcours.admin;

import fr.parcours.allocation.AllocationService;
import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The organiser's allocation page: run a preview with a seed (blank: random), read its figures
 * per school and per track and the classes left out and why, run again, and publish one after
 * ticking a confirmation. A refusal (a stale preview, a second publication) is shown on the page.
 */
final class AllocationPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/allocations";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM HH:mm:ss");

  private final AdminSession session;
  private final AllocationService allocations;
  private final Pages pages;

  AllocationPages(AdminSession session, AllocationService allocations, Pages pages) {
    this.session = session;
    this.allocations = allocations;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        render(ctx, 200, organiser, fair, asked(ctx), "", List.of())));
    router.post(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      String seed = ctx.request().getFormAttribute("seed");
      return Future.<JsonObject>succeededFuture().compose(start -> allocations.preview(fair, organiser, seedBody(seed)))
          .<Void>map(preview -> back(ctx, fair, preview.getLong("id")))
          .recover(error -> Refusals.shown(error, (status, errors) ->
              render(ctx, status, organiser, fair, null, seed, errors)));
    }));
    router.post(PATH + "/:allocationId/publish").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      long id = Http.idParam(ctx, "allocationId", "allocation");
      if (!"yes".equals(ctx.request().getFormAttribute("confirm"))) {
        return render(ctx, 400, organiser, fair, id, "", List.of(FieldError.of("confirm", "CONFIRM_PUBLICATION")));
      }
      return allocations.publish(fair.slug(), organiser, id)
          .<Void>map(published -> back(ctx, fair, id))
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair, id, "", errors)));
    }));
  }

  /** The seed field as the API body: blank is no seed, anything else must be a whole number. */
  private static JsonInput seedBody(String seed) {
    JsonObject body = new JsonObject();
    if (seed != null && !seed.isBlank()) {
      try {
        body.put("seed", Long.parseLong(seed.trim()));
      } catch (NumberFormatException e) {
        body.put("seed", seed);
      }
    }
    return JsonInput.of(body);
  }

  private static Void back(RoutingContext ctx, Fair fair, long id) {
    Http.seeOther(ctx, "/admin/fairs/" + fair.slug() + "/allocations?allocation=" + id);
    return null;
  }

  private static Long asked(RoutingContext ctx) {
    String asked = ctx.queryParams().get("allocation");
    try {
      return asked == null ? null : Long.parseLong(asked);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The page with the previews, and the one asked for (else the published one, else the latest). */
  private Future<Void> render(RoutingContext ctx, int status, Organiser organiser, Fair fair, Long asked, String seed,
                              List<FieldError> errors) {
    String language = I18n.language(ctx);
    return allocations.list(fair.slug(), organiser).compose(list -> {
      JsonArray previews = list.getJsonArray("allocations");
      boolean published = previews.stream().map(JsonObject.class::cast).anyMatch(p -> p.getBoolean("published"));
      Long shown = asked != null ? asked : previews.stream().map(JsonObject.class::cast)
          .filter(p -> p.getBoolean("published")).findFirst().or(() -> previews.stream().map(JsonObject.class::cast)
              .findFirst()).map(p -> p.getLong("id")).orElse(null);
      Future<JsonObject> allocation = shown == null ? Future.succeededFuture(null)
          : allocations.show(fair.slug(), organiser, shown).recover(error -> error instanceof AppException app
              && app.kind() == AppException.Kind.NOT_FOUND ? Future.succeededFuture(null) : Future.failedFuture(error));
      return allocation.map(one -> {
        JsonObject model = new JsonObject()
            .put("title", I18n.message(language, "allocation_title") + " — " + fair.details().name())
            .put("organiser", organiser.toJson()).put("fair", Dashboard.fairSummary(fair))
            .put("published", published).put("form", new JsonObject().put("seed", seed))
            .put("previews", new JsonArray(previews.stream().map(JsonObject.class::cast).map(p -> (Object) p.copy()
                .put("selected", p.getLong("id").equals(shown)).put("created", created(p.getString("created_at"))))
                .toList()))
            .put("errors", Pages.errorList(errors));
        if (one != null) {
          model.put("shown", new AllocationView(language).model(one, published));
        }
        pages.render(ctx, status, "admin-allocations", model);
        return null;
      });
    });
  }

  private static String created(String at) {
    return at == null ? "" : SHOWN.format(OffsetDateTime.parse(at));
  }
}
