package fr.parcours.imports;

import fr.parcours.auth.AuthRoutes;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/fairs/{fairSlug}/imports/rooms} and {@code …/stand-spots}: a CSV file
 * ({@code text/csv}) answered with what it would change and each line's problems; with
 * {@code ?apply=true} it is applied, all or nothing.
 */
public final class ImportRoutes {

  private final ImportService imports;
  private final Handler<RoutingContext> organiser;

  public ImportRoutes(ImportService imports, Handler<RoutingContext> organiser) {
    this.imports = imports;
    this.organiser = organiser;
  }

  public void mount(Router router) {
    for (ImportKind kind : ImportKind.values()) {
      router.post("/api/fairs/:fairSlug/imports/" + kind.path()).handler(organiser).handler(ctx -> {
        boolean apply = "true".equals(ctx.queryParams().get("apply"));
        byte[] csv = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        Http.respond(ctx, 200, imports.importCsv(ctx.pathParam("fairSlug"), AuthRoutes.organiser(ctx), kind, csv, apply)
            .map(plan -> json(plan, apply, I18n.apiLanguage(ctx))));
      });
    }
  }

  /** A plan as the API and the pages show it: what each line would do, and each line's problems in {@code language}. */
  public static JsonObject json(ImportPlan plan, boolean applied, String language) {
    return new JsonObject().put("applied", applied).put("valid", plan.valid())
        .put("create", plan.creations()).put("update", plan.rows().size() - plan.creations())
        .put("ignored_columns", new JsonArray(plan.ignoredColumns().stream().map(c -> (Object) c).toList()))
        .put("rows", new JsonArray(plan.rows().stream().map(row -> (Object) new JsonObject().put("line", row.line())
            .put("action", row.creating() ? "create" : "update").put("key", row.key()).put("values", row.body()))
            .toList()))
        .put("errors", new JsonArray(plan.errors().stream().map(e -> (Object) new JsonObject().put("line", e.line())
            .put("field", e.error().field()).put("code", e.error().code())
            .put("label", e.error().label(language)).put("message", e.error().text(language))).toList()));
  }
}
