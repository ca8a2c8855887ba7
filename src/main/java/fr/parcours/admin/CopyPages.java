package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.edition.CopyService;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
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

import java.util.List;

/**
 * Next year's edition (or the same fair in another city) from the fair's page in one form: its
 * name, its new days (one per day of this one), its city, whether its rooms come along and
 * whether last edition's associations are invited; the copies API does the rest.
 */
final class CopyPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/copy";

  private final AdminSession session;
  private final CopyService copies;
  private final Pages pages;

  CopyPages(AdminSession session, CopyService copies, Pages pages) {
    this.session = session;
    this.copies = copies;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> render(ctx, 200, organiser, fair,
        new JsonObject().put("city", fair.details().city()).put("rooms", true), List.of())));
    router.post(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      MultiMap form = ctx.request().formAttributes();
      return copies.copy(fair.slug(), organiser, JsonInput.of(body(form, fair)))
          .<Void>map(copy -> {
            Http.seeOther(ctx, AdminSession.PATH + "/fairs/" + copy.slug() + "/settings");
            return null;
          })
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair,
              typed(form, fair), errors)));
    }));
  }

  /** The copies API's body: the days in order, the boxes as yes or no. */
  private static JsonObject body(MultiMap form, Fair fair) {
    JsonObject body = new JsonObject();
    for (String field : List.of("name", "slug", "city")) {
      String value = form.get(field);
      if (value != null && !value.isBlank()) {
        body.put(field, value.strip());
      }
    }
    JsonArray days = new JsonArray();
    for (int i = 0; i < fair.days().size(); i++) {
      days.add(form.get("day" + i) == null ? "" : form.get("day" + i).strip());
    }
    return body.put("days", days).put("copy", new JsonObject().put("rooms", form.contains("rooms"))
        .put("associations", form.contains("invite") ? "invite" : "none"));
  }

  private static JsonObject typed(MultiMap form, Fair fair) {
    JsonObject typed = new JsonObject().put("name", form.get("name")).put("slug", form.get("slug"))
        .put("city", form.get("city")).put("rooms", form.contains("rooms")).put("invite", form.contains("invite"));
    for (int i = 0; i < fair.days().size(); i++) {
      typed.put("day" + i, form.get("day" + i));
    }
    return typed;
  }

  private Future<Void> render(RoutingContext ctx, int status, Organiser organiser, Fair fair, JsonObject values,
                              List<FieldError> errors) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    JsonArray days = new JsonArray();
    List<FairDay> sourceDays = fair.days().stream().sorted((a, b) -> a.day().compareTo(b.day())).toList();
    for (int i = 0; i < sourceDays.size(); i++) {
      days.add(new JsonObject().put("index", i).put("from", Dates.date(language, sourceDays.get(i).day()))
          .put("value", values.getString("day" + i, "")));
    }
    pages.render(ctx, status, "admin-copy", new JsonObject()
        .put("title", messages.getString("admin_copy_title") + " — " + fair.details().name())
        .put("organiser", organiser.toJson()).put("fair", Dashboard.fairSummary(fair))
        .put("form", values).put("days", days).put("errors", Pages.errorList(errors))
        .put("advanced_open", errors.stream().anyMatch(e -> e.field().equals("slug"))));
    return Future.succeededFuture();
  }
}
