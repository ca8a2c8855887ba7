package fr.parcours.admin;

import fr.parcours.auth.Organiser;
import fr.parcours.booking.BookingDesk;
import fr.parcours.booking.BookingRules;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.SchoolLevels;
import fr.parcours.i18n.Catalogue;
import fr.parcours.web.Forms;
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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fair's booking rules in one form, as a teacher-facing organiser says them: one adult for so
 * many pupils, at most so many classes or pupils per school (overall and on one track), the
 * levels the booking form offers. Saved through the booking-rules API's own parsing and checks.
 */
final class BookingRulesPages {

  static final String PATH = AdminSession.PATH + "/fairs/:fairSlug/booking-rules";
  /** The rules' whole numbers, as the API names them; an empty one is no rule. */
  private static final List<String> NUMBERS = List.of("pupils_per_adult", "max_classes_per_school",
      "max_pupils_per_school", "max_classes_per_school_per_track", "max_pupils_per_school_per_track");

  private final AdminSession session;
  private final BookingDesk desk;
  private final Pages pages;

  BookingRulesPages(AdminSession session, BookingDesk desk, Pages pages) {
    this.session = session;
    this.desk = desk;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> desk.rules(fair.slug(), organiser)
        .compose(rules -> render(ctx, 200, organiser, fair, typed(rules), List.of()))));
    router.post(PATH).handler(ctx -> session.ownFair(ctx, (organiser, fair) -> {
      MultiMap form = ctx.request().formAttributes();
      JsonObject typed = typed(form);
      if (form.getAll("levels").isEmpty()) {
        // The API reads no levels as the usual list: on a page, unticking every box is a mistake to say.
        return render(ctx, 400, organiser, fair, typed, List.of(FieldError.of("levels", "REQUIRED")));
      }
      return Future.succeededFuture(form).map(f -> BookingRules.parse(JsonInput.of(body(f))))
          .compose(rules -> desk.saveRules(fair.slug(), organiser, rules))
          .<Void>map(saved -> {
            Http.seeOther(ctx, AdminSession.PATH + "/fairs/" + fair.slug() + "/booking-rules?saved=1");
            return null;
          })
          .recover(error -> Refusals.shown(error, (status, errors) -> render(ctx, status, organiser, fair, typed, errors)));
    }));
  }

  /** The API's body: numbers as numbers (or text, for the parser to name), an empty one as null, the ticked levels. */
  private static JsonObject body(MultiMap form) {
    JsonObject body = Forms.json(form, NUMBERS, Set.copyOf(NUMBERS));
    NUMBERS.stream().filter(field -> !body.containsKey(field)).forEach(body::putNull);
    return body.put("levels", new JsonArray(new ArrayList<>(form.getAll("levels"))));
  }

  /** What the form shows: the rules as saved, an absent one as an empty field. */
  private static JsonObject typed(JsonObject rules) {
    JsonObject typed = new JsonObject();
    NUMBERS.forEach(field -> typed.put(field, rules.getValue(field) == null ? "" : String.valueOf(rules.getValue(field))));
    return typed.put("levels", rules.getJsonArray("levels"));
  }

  private static JsonObject typed(MultiMap form) {
    JsonObject typed = new JsonObject();
    NUMBERS.forEach(field -> typed.put(field, form.get(field) == null ? "" : form.get(field).strip()));
    return typed.put("levels", new JsonArray(new ArrayList<>(form.getAll("levels"))));
  }

  /** The usual levels, then any other the fair receives (set through the API), each ticked when received. */
  private static JsonArray levels(JsonArray received) {
    Set<String> all = new LinkedHashSet<>(SchoolLevels.ALL);
    received.forEach(level -> all.add(String.valueOf(level)));
    JsonArray boxes = new JsonArray();
    int i = 0;
    for (String level : all) {
      boxes.add(new JsonObject().put("value", level).put("id", "level-" + i++).put("checked", received.contains(level)));
    }
    return boxes;
  }

  private Future<Void> render(RoutingContext ctx, int status, Organiser organiser, Fair fair, JsonObject values,
                              List<FieldError> errors) {
    JsonObject messages = I18n.messages(I18n.language(ctx));
    pages.render(ctx, status, "admin-booking-rules", new JsonObject()
        .put("title", messages.getString("rules_title") + " — " + fair.details().name())
        .put("organiser", organiser.toJson()).put("fair", Dashboard.fairSummary(fair))
        .put("steps", SetupSteps.of(fair, "booking-rules", messages))
        .put("form", values).put("levels", levels(values.getJsonArray("levels")))
        .put("ratio_hint", Catalogue.say(I18n.language(ctx), "rules_ratio_hint",
            Map.of("usual", BookingRules.DEFAULT_PUPILS_PER_ADULT)))
        .put("saved", errors.isEmpty() && ctx.queryParams().contains("saved"))
        .put("errors", Pages.errorList(errors)));
    return Future.succeededFuture();
  }
}
