package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.Slugs;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.imports.CsvTable;
import fr.parcours.imports.ImportKind;
import fr.parcours.imports.ImportPlan;
import fr.parcours.imports.ImportRoutes;
import fr.parcours.imports.ImportService;
import fr.parcours.web.Http;
import fr.parcours.web.I18n;
import fr.parcours.web.JsonInput;
import fr.parcours.web.Pages;
import fr.parcours.web.Refusals;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Rooms and stand spots in bulk ({@code /places/rooms}, {@code /places/stand-spots}): a table of
 * many rows, a paste from a spreadsheet previewed line by line before it is applied, and for
 * stands an area laid out as rows × columns. All three go through the CSV import, all or nothing.
 */
final class PlacePages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/places/:kind";

  private final AdminSession session;
  private final ResourceService resources;
  private final ImportService imports;
  private final Pages pages;

  PlacePages(AdminSession session, ResourceService resources, ImportService imports, Pages pages) {
    this.session = session;
    this.resources = resources;
    this.imports = imports;
    this.pages = pages;
  }

  /** What the page shows besides the table: a paste (and its preview), a layout, each with their problems. */
  private record Shown(MultiMap typed, List<ImportPlan.LineError> tableErrors, JsonObject paste, JsonObject layout) {
    static Shown fresh() {
      return new Shown(null, List.of(), new JsonObject(), new JsonObject());
    }
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> kind(ctx)
        .compose(kind -> render(ctx, 200, organiser, fair, kind, Shown.fresh(), List.of()))));
    router.post(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> kind(ctx)
        .compose(kind -> saveTable(ctx, organiser, fair, kind))));
    router.post(PATH + "/paste").handler(ctx -> session.ownFair(ctx, (organiser, fair) -> kind(ctx)
        .compose(kind -> paste(ctx, organiser, fair, kind))));
    router.post(AdminSession.PATH + "/fairs/:fairSlug/places/stand-spots/layout").handler(ctx ->
        session.ownFair(ctx, (organiser, fair) -> layout(ctx, organiser, fair)));
  }

  static String path(Fair fair, ImportKind kind) {
    return AdminSession.PATH + "/fairs/" + fair.slug() + "/places/" + kind.path();
  }

  private static Future<ImportKind> kind(RoutingContext ctx) {
    return ImportKind.of(ctx.pathParam("kind")).map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(AppException.notFound("kind", ctx.pathParam("kind"))));
  }

  private Future<Void> saveTable(RoutingContext ctx, Organiser organiser, Fair fair, ImportKind kind) {
    MultiMap form = ctx.request().formAttributes();
    CsvTable table = BulkTable.table(kind, form);
    return imports.importTable(fair, kind, table, true)
        .map(plan -> saved(ctx, fair, kind, plan.rows().size()))
        .recover(error -> {
          List<ImportPlan.LineError> lines = BulkTable.lineErrors(error);
          return lines == null
              ? Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair, kind, Shown.fresh(), errors))
              : render(ctx, 422, organiser, fair, kind, new Shown(form, lines, new JsonObject(), new JsonObject()),
                  List.of(((AppException) error).asFieldError()));
        });
  }

  /** A paste is previewed (what each line would do, each line's problems) unless the organiser applies it. */
  private Future<Void> paste(RoutingContext ctx, Organiser organiser, Fair fair, ImportKind kind) {
    String csv = ctx.request().getFormAttribute("csv");
    boolean apply = "true".equals(ctx.request().getFormAttribute("apply"));
    String language = I18n.language(ctx);
    byte[] bytes = (csv == null ? "" : csv).getBytes(StandardCharsets.UTF_8);
    return imports.importCsv(fair.slug(), organiser, kind, bytes, apply)
        .compose(plan -> apply
            ? Future.succeededFuture(saved(ctx, fair, kind, plan.rows().size()))
            : render(ctx, 200, organiser, fair, kind, new Shown(null, List.of(), new JsonObject().put("csv", csv)
                .put("preview", preview(plan, language)), new JsonObject()), List.of()))
        .recover(error -> {
          List<ImportPlan.LineError> lines = BulkTable.lineErrors(error);
          JsonObject shown = new JsonObject().put("csv", csv);
          if (lines != null) {
            shown.put("preview", preview(new ImportPlan(List.of(), lines, List.of()), language));
          }
          return Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair, kind,
              new Shown(null, List.of(), shown, new JsonObject()), errors));
        });
  }

  /** Lays a stand area out in a zone (a new one when named), then shows the spots to adjust. */
  private Future<Void> layout(RoutingContext ctx, Organiser organiser, Fair fair) {
    MultiMap form = ctx.request().formAttributes();
    JsonObject typed = StandLayout.body(form).put("zone", form.get("zone")).put("zone_name", form.get("zone_name"))
        .put("venue", form.get("venue"));
    JsonInput in = JsonInput.of(StandLayout.body(form));
    StandLayout layout = StandLayout.read(in);
    String zoneName = form.get("zone_name") == null ? "" : form.get("zone_name").strip();
    String chosen = form.get("zone") == null ? "" : form.get("zone").strip();
    in.check(!zoneName.isEmpty() || !chosen.isEmpty(), "zone", "REQUIRED", Map.of());
    return Future.succeededFuture(in).map(checked -> {
          checked.validate();
          return checked;
        })
        .compose(checked -> chosen.isEmpty() ? zone(fair, zoneName, form.get("venue")) : Future.succeededFuture(chosen))
        .compose(zone -> imports.importTable(fair, ImportKind.STAND_SPOTS, layout.table(zone), true))
        .map(plan -> saved(ctx, fair, ImportKind.STAND_SPOTS, plan.rows().size()))
        .recover(error -> {
          List<ImportPlan.LineError> lines = BulkTable.lineErrors(error);
          List<FieldError> errors = lines == null ? null
              : lines.stream().map(ImportPlan.LineError::error).distinct().toList();
          return errors != null
              ? render(ctx, 422, organiser, fair, ImportKind.STAND_SPOTS, new Shown(null, List.of(), new JsonObject(),
                  typed), errors)
              : Refusals.shown(error, (status, shown) -> render(ctx, status, organiser, fair, ImportKind.STAND_SPOTS,
                  new Shown(null, List.of(), new JsonObject(), typed), shown));
        });
  }

  /** The zone named on the form: the fair's zone of that name's slug, or a new one in {@code venue}. */
  private Future<String> zone(Fair fair, String name, String venue) {
    String slug = Slugs.slugify(name);
    return resources.zones(fair).compose(zones -> zones.stream().anyMatch(zone -> slug.equals(zone.slug()))
        ? Future.succeededFuture(slug)
        : resources.create(fair, ResourceCatalog.ZONES, JsonInput.of(new JsonObject().put("slug", slug).put("name", name)
            .put("venue", venue == null || venue.isBlank() ? null : venue))).map(created -> slug));
  }

  /** The plan as the API shows it, each row saying whether it creates. */
  private static JsonObject preview(ImportPlan plan, String language) {
    JsonObject json = ImportRoutes.json(plan, false, language);
    json.getJsonArray("rows").forEach(row -> ((JsonObject) row).put("creating",
        "create".equals(((JsonObject) row).getString("action"))));
    return json;
  }

  private static Void saved(RoutingContext ctx, Fair fair, ImportKind kind, int count) {
    Http.seeOther(ctx, path(fair, kind) + "?saved=" + count);
    return null;
  }

  private Future<Void> render(RoutingContext ctx, int status, Organiser organiser, Fair fair, ImportKind kind,
                              Shown shown, List<FieldError> errors) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    int blank = Math.min(BulkTable.MAX_BLANK_ROWS, Math.max(0, intParam(ctx, "rows", BulkTable.BLANK_ROWS)));
    return resources.programme(fair).map(programme -> {
      boolean stands = kind == ImportKind.STAND_SPOTS;
      pages.render(ctx, status, "admin-places", new JsonObject()
          .put("title", messages.getString("admin_kind_" + kind.spec().jsonName()) + " — " + fair.details().name())
          .put("organiser", organiser.toJson()).put("fair", Dashboard.fairSummary(fair))
          .put("steps", SetupSteps.of(fair, "places/" + kind.path(), messages))
          .put("kind", kind.path()).put("stands", stands)
          .put("intro", messages.getString("admin_places_intro_" + kind.spec().jsonName()))
          .put("paste_help", messages.getString("admin_paste_help_" + kind.spec().jsonName()))
          .put("table", BulkTable.model(kind, programme, shown.typed(), blank, shown.tableErrors(), language,
              messages))
          .put("more_rows", blank + BulkTable.BLANK_ROWS)
          .put("paste", shown.paste()).put("layout", layoutModel(shown.layout(), programme))
          .put("saved", ctx.queryParams().get("saved"))
          .put("places_missing", kind.reference() != null && kind.placesIn(programme).isEmpty())
          .put("errors", Pages.errorList(errors)));
      return null;
    });
  }

  /** The layout form: what was typed (or the usual 3 m × 2 m spots, 1 m apart), the zones and venues to pick. */
  private static JsonObject layoutModel(JsonObject typed, FairProgramme programme) {
    JsonObject values = typed.isEmpty()
        ? new JsonObject().put("width", 3).put("depth", 2).put("aisle", 1).put("first", 1).put("power", false)
        : typed;
    String zone = values.getString("zone", "");
    List<FairProgramme.Venue> venues = programme.venues();
    // A fair of one venue has its zones there: nothing to pick.
    String venue = venues.size() == 1 ? venues.get(0).slug() : values.getString("venue", "");
    return values.copy()
        .put("zones", new JsonArray(programme.zones().stream().map(z -> (Object) new JsonObject()
            .put("value", z.slug()).put("label", z.name()).put("selected", z.slug().equals(zone))).toList()))
        .put("venues", new JsonArray(venues.stream().map(v -> (Object) new JsonObject()
            .put("value", v.slug()).put("label", v.name()).put("selected", v.slug().equals(venue))).toList()));
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    try {
      return Integer.parseInt(ctx.queryParams().get(name));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
