package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.resource.FieldSpec;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.fair.resource.ResourceSpec;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * A fair's places and grid, one kind per page ({@code /resources/rooms}…): the list, and one
 * form to add a resource or edit the one chosen ({@code ?edit=key}), both through the API's
 * generic resource service.
 */
final class ResourcePages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/resources/:kind";

  private final AdminSession session;
  private final ResourceService resources;
  private final Pages pages;

  ResourcePages(AdminSession session, ResourceService resources, Pages pages) {
    this.session = session;
    this.resources = resources;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> kind(ctx)
        .compose(spec -> render(ctx, 200, organiser, fair, spec, ctx.queryParams().get("edit"), null, List.of()))));
    router.post(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> kind(ctx)
        .compose(spec -> save(ctx, organiser, fair, spec, null))));
    router.post(PATH + "/:key").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> kind(ctx)
        .compose(spec -> save(ctx, organiser, fair, spec, ctx.pathParam("key")))));
  }

  private static Future<ResourceSpec> kind(RoutingContext ctx) {
    return ResourceForm.kind(ctx.pathParam("kind")).map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(AppException.notFound("kind", ctx.pathParam("kind"))));
  }

  /** Creates ({@code key} null) or updates the resource, then back to the list; a refusal shows the form again. */
  private Future<Void> save(RoutingContext ctx, Organiser organiser, Fair fair, ResourceSpec spec, String key) {
    JsonInput body = JsonInput.of(ResourceForm.body(spec, ctx.request().formAttributes(), fair.zone()));
    Future<JsonObject> saved = key == null ? resources.create(fair, spec, body) : resources.update(fair, spec, key, body);
    return saved.<Void>map(done -> {
      Http.seeOther(ctx, "/admin/fairs/" + fair.slug() + "/resources/" + spec.path());
      return null;
    }).recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair, spec, key,
        ResourceForm.typed(spec, ctx.request().formAttributes()), errors)));
  }

  /** The list and the form: empty to add, {@code editing}'s values (or what was typed) to edit. */
  private Future<Void> render(RoutingContext ctx, int status, Organiser organiser, Fair fair, ResourceSpec spec,
                              String editing, JsonObject typed, List<FieldError> errors) {
    JsonObject messages = I18n.messages(I18n.language(ctx));
    return resources.document(fair, true).map(programme -> {
      var items = programme.getJsonArray(spec.jsonName());
      JsonObject values = typed != null ? typed : items.stream().map(JsonObject.class::cast)
          .filter(item -> editing != null && editing.equals(String.valueOf(item.getValue(spec.key()))))
          .findFirst().map(item -> ResourceForm.values(spec, item, fair.zone())).orElse(new JsonObject());
      String base = "/admin/fairs/" + fair.slug() + "/resources/" + spec.path();
      pages.render(ctx, status, "admin-resources", new JsonObject()
          .put("title", messages.getString("admin_kind_" + spec.jsonName(), spec.what()) + " — " + fair.details().name())
          .put("organiser", organiser.toJson()).put("fair", Dashboard.fairSummary(fair))
          .put("kind", spec.path()).put("kinds", ResourceForm.kinds(messages))
          .put("table", ResourceForm.table(spec, items, programme, I18n.language(ctx), fair.zone()))
          .put("editing", editing).put("action", editing == null ? base : base + "/" + editing)
          .put("fields", ResourceForm.fields(spec, values, programme, I18n.language(ctx), errors))
          .put("advanced_fields", spec.fields().stream().anyMatch(field -> field.type() == FieldSpec.Type.SLUG))
          .put("advanced_open", errors.stream().anyMatch(error -> error.field().equals("slug")))
          .put("steps", SetupSteps.of(fair, "resources/" + spec.path(), messages))
          .put("errors", Pages.errorList(errors)));
      return null;
    });
  }
}
