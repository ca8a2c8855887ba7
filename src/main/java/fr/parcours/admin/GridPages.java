package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.common.Futures;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.fair.resource.ResourceCatalog;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.i18n.Dates;
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
import io.vertx.sqlclient.SqlConnection;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fair's slot grid as its organiser adjusts it: day by day, each slot's start and end as local
 * times, a box to remove it and a blank row to add one, all saved by one form in one transaction
 * of the fair (each row through the API's slot rules, a refusal shown next to its row).
 */
final class GridPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/grid";

  private final AdminSession session;
  private final ResourceService resources;
  private final Pages pages;

  GridPages(AdminSession session, ResourceService resources, Pages pages) {
    this.session = session;
    this.resources = resources;
    this.pages = pages;
  }

  static String path(Fair fair) {
    return AdminSession.PATH + "/fairs/" + fair.slug() + "/grid";
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) ->
        render(ctx, 200, organiser, fair, MultiMap.caseInsensitiveMultiMap(), List.of())));
    router.post(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> save(ctx, organiser, fair)));
  }

  /** One change the form asks for: remove, move or add a slot (id null). */
  private record Change(Long id, boolean remove, FairDay day, LocalTime start, LocalTime end) {
  }

  private Future<Void> save(RoutingContext ctx, Organiser organiser, Fair fair) {
    MultiMap form = ctx.request().formAttributes();
    return resources.slots(fair).compose(slots -> {
      List<FieldError> problems = new ArrayList<>();
      List<Change> changes = changes(fair, slots, form, problems);
      if (!problems.isEmpty()) {
        return render(ctx, 400, organiser, fair, form, problems);
      }
      return resources.inFairTransaction(fair, conn -> Futures.sequentially(changes, change -> apply(conn, fair, change)))
          .<Void>map(done -> {
            Http.seeOther(ctx, path(fair) + "?saved=1");
            return null;
          })
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair, form, errors)));
    });
  }

  private Future<Void> apply(SqlConnection conn, Fair fair, Change change) {
    if (change.remove()) {
      return resources.delete(conn, fair, ResourceCatalog.SLOTS, String.valueOf(change.id()));
    }
    JsonInput body = JsonInput.of(new JsonObject()
        .put("starts_at", FairTimes.at(change.day().day(), change.start(), fair.zone()).toString())
        .put("ends_at", FairTimes.at(change.day().day(), change.end(), fair.zone()).toString()));
    Future<JsonObject> written = change.id() == null
        ? resources.create(conn, fair, ResourceCatalog.SLOTS, body)
        : resources.update(conn, fair, ResourceCatalog.SLOTS, String.valueOf(change.id()), body);
    String row = change.id() == null ? "new" + change.day().day() : "slot" + change.id();
    // The slot rules name starts_at or ends_at: the page shows them next to this row's fields.
    return written.<Void>mapEmpty().recover(error -> Future.failedFuture(error instanceof AppException refused
        ? new AppException(refused.kind(), refused.code(), refused.params(), Pages.fieldErrors(refused).stream()
            .map(e -> new FieldError(row + "." + e.field(), e.code(), e.params())).toList())
        : error));
  }

  /** What the form changes: removals first (a moved slot may take a removed one's place), then moves and additions. */
  private static List<Change> changes(Fair fair, List<FairProgramme.Slot> slots, MultiMap form,
                                      List<FieldError> problems) {
    List<Change> removals = new ArrayList<>();
    List<Change> writes = new ArrayList<>();
    for (FairProgramme.Slot slot : slots) {
      long id = slot.id();
      String row = "slot" + id;
      if (form.contains(row + ".remove")) {
        removals.add(new Change(id, true, null, null, null));
        continue;
      }
      OffsetDateTime start = slot.startsAt();
      OffsetDateTime end = slot.endsAt();
      LocalTime newStart = time(form, row + ".starts_at", start.toLocalTime(), problems);
      LocalTime newEnd = time(form, row + ".ends_at", end.toLocalTime(), problems);
      if (newStart != null && newEnd != null && (!newStart.equals(start.toLocalTime()) || !newEnd.equals(end.toLocalTime()))) {
        dayOf(fair, start).ifPresent(day -> writes.add(new Change(id, false, day, newStart, newEnd)));
      }
    }
    for (FairDay day : fair.days()) {
      String row = "new" + day.day();
      String from = form.get(row + ".starts_at");
      String until = form.get(row + ".ends_at");
      if (!blank(from) || !blank(until)) {
        LocalTime start = time(form, row + ".starts_at", null, problems);
        LocalTime end = time(form, row + ".ends_at", null, problems);
        if (start != null && end != null) {
          writes.add(new Change(null, false, day, start, end));
        }
      }
    }
    removals.addAll(writes);
    return removals;
  }

  private static Optional<FairDay> dayOf(Fair fair, OffsetDateTime local) {
    return fair.days().stream().filter(day -> day.day().equals(local.toLocalDate())).findFirst();
  }

  /** The time typed in {@code field} ({@code fallback} when the form leaves it out), or null with its problem. */
  private static LocalTime time(MultiMap form, String field, LocalTime fallback, List<FieldError> problems) {
    String typed = form.get(field);
    if (typed == null && fallback != null) {
      return fallback;
    }
    if (blank(typed)) {
      problems.add(FieldError.of(field, "REQUIRED"));
      return null;
    }
    try {
      return LocalTime.parse(typed.strip());
    } catch (DateTimeParseException e) {
      problems.add(FieldError.of(field, "NOT_TIME"));
      return null;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** Day by day, each slot's row (as typed after a refusal, else as stored) and a blank row to add one. */
  private Future<Void> render(RoutingContext ctx, int status, Organiser organiser, Fair fair, MultiMap typed,
                              List<FieldError> errors) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    return resources.slots(fair).map(slots -> {
      JsonArray days = new JsonArray();
      int total = 0;
      for (FairDay day : fair.days()) {
        JsonArray rows = new JsonArray();
        for (FairProgramme.Slot slot : slots) {
          if (slot.startsAt().toLocalDate().equals(day.day())) {
            rows.add(row("slot" + slot.id(), slot.startsAt().toLocalTime().toString(),
                slot.endsAt().toLocalTime().toString(), typed, errors, language).put("number", rows.size() + 1)
                .put("removable", true).put("remove", typed.contains("slot" + slot.id() + ".remove")));
          }
        }
        total += rows.size();
        rows.add(row("new" + day.day(), "", "", typed, errors, language).put("adding", true));
        days.add(new JsonObject().put("label", Dates.date(language, day.day()))
            .put("hours", Dates.range(language, day.opensAt(), day.closesAt())).put("count", rows.size() - 1)
            .put("rows", rows));
      }
      pages.render(ctx, status, "admin-grid", new JsonObject()
          .put("title", messages.getString("admin_grid_title") + " — " + fair.details().name())
          .put("organiser", organiser.toJson()).put("fair", Dashboard.fairSummary(fair)).put("days", days)
          .put("count", total).put("saved", ctx.queryParams().contains("saved"))
          .put("errors", Pages.errorList(errors)).put("steps", SetupSteps.of(fair, "grid", messages)));
      return null;
    });
  }

  /** One row's fields: what was typed, else {@code start} and {@code end}, and the problem of each. */
  private static JsonObject row(String name, String start, String end, MultiMap typed, List<FieldError> errors,
                                String language) {
    JsonObject row = new JsonObject().put("name", name);
    for (String field : List.of("starts_at", "ends_at")) {
      String key = name + "." + field;
      row.put(field, typed.contains(key) ? typed.get(key) : field.equals("starts_at") ? start : end)
          .put(field + "_error", errors.stream().filter(e -> e.field().equals(key)).findFirst()
              .map(e -> e.text(language)).orElse(null));
    }
    return row;
  }
}
