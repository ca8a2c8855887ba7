package fr.parcours.admin;

import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.RegistrationSettings;
import fr.parcours.i18n.Catalogue;
import fr.parcours.web.Forms;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A fair's form, in both directions: the posted fields become the API's fair body (the same
 * reader and messages), and a fair (or what was typed) becomes the fields' values. Days are
 * rows of date, opening and closing time; blank rows are left out.
 */
final class FairForm {

  /** Rows of days a form shows at least; a fair of more days shows one row each, and a blank one. */
  static final int DAY_ROWS = 3;
  private static final List<String> FIELDS = List.of("name", "city", "slug", "description", "time_zone",
      "registration_opens_at", "registration_closes_at", "changeover_minutes", "language", "registration.mode",
      "registration.requests_open", "registration.requests_close", "registration.allocation_at",
      "registration.offer_hours");
  private static final List<String> WINDOW = List.of("registration_opens_at", "registration_closes_at");
  private static final List<String> REQUEST_WINDOW = List.of("requests_open", "requests_close", "allocation_at");

  private FairForm() {
  }

  static JsonObject body(MultiMap form) {
    JsonObject body = Forms.json(form, FIELDS, Set.of("changeover_minutes", "registration.offer_hours"));
    String zone = body.getString("time_zone", "");
    WINDOW.stream().filter(body::containsKey).forEach(f -> body.put(f, LocalTimes.withOffset(body.getString(f), zone)));
    JsonObject registration = body.getJsonObject("registration");
    if (registration != null) {
      REQUEST_WINDOW.stream().filter(registration::containsKey)
          .forEach(f -> registration.put(f, LocalTimes.withOffset(registration.getString(f), zone)));
    }
    JsonArray days = new JsonArray();
    for (int i = 0; form.contains("day" + i + ".date"); i++) {
      JsonObject day = Forms.json(form, List.of("day" + i + ".date", "day" + i + ".opens_at", "day" + i + ".closes_at"),
          Set.of()).getJsonObject("day" + i);
      if (day != null) {
        days.add(day);
      }
    }
    return body.put("days", days);
  }

  /** The fields as typed, to show again with the refusal. */
  static JsonObject typed(MultiMap form) {
    JsonObject typed = Forms.json(form, FIELDS, Set.of());
    for (int i = 0; form.contains("day" + i + ".date"); i++) {
      typed.put("day" + i, new JsonObject().put("date", form.get("day" + i + ".date"))
          .put("opens_at", form.get("day" + i + ".opens_at")).put("closes_at", form.get("day" + i + ".closes_at")));
    }
    return typed;
  }

  static JsonObject of(Fair fair) {
    JsonObject values = new JsonObject().put("name", fair.details().name()).put("city", fair.details().city())
        .put("slug", fair.slug()).put("description", fair.details().description())
        .put("time_zone", fair.zone().getId())
        .put("registration_opens_at", LocalTimes.field(fair.registrationOpensAt(), fair.zone()))
        .put("registration_closes_at", LocalTimes.field(fair.registrationClosesAt(), fair.zone()))
        .put("changeover_minutes", fair.changeoverMinutes()).put("language", fair.details().language())
        .put("registration", registration(fair.registration(), fair.zone()));
    List<FairDay> days = fair.days();
    for (int i = 0; i < days.size(); i++) {
      values.put("day" + i, new JsonObject().put("date", days.get(i).day().toString())
          .put("opens_at", days.get(i).opensAt().toString()).put("closes_at", days.get(i).closesAt().toString()));
    }
    return values;
  }

  private static JsonObject registration(RegistrationSettings settings, ZoneId zone) {
    return new JsonObject().put("mode", settings.mode())
        .put("requests_open", LocalTimes.field(settings.requestsOpen(), zone))
        .put("requests_close", LocalTimes.field(settings.requestsClose(), zone))
        .put("allocation_at", LocalTimes.field(settings.allocationAt(), zone))
        .put("offer_hours", settings.offerHours());
  }

  /** The registration modes as the form offers them, {@code chosen} selected (first come when none). */
  static JsonArray registrationModes(String chosen, String language) {
    String selected = chosen == null ? RegistrationSettings.FIRST_COME : chosen;
    return new JsonArray(RegistrationSettings.MODES.stream().map(mode -> (Object) new JsonObject().put("value", mode)
        .put("label", Catalogue.text(language, "registration_mode_" + mode)).put("selected", mode.equals(selected)))
        .toList());
  }

  /**
   * The languages a fair may speak to people who name none (its emails, its pages' first
   * language), each in its own words, {@code chosen} selected.
   */
  static JsonArray languages(String chosen) {
    return new JsonArray(Catalogue.LANGUAGES.stream().map(language -> (Object) new JsonObject().put("value", language)
        .put("label", Catalogue.text(language, "language_name")).put("selected", language.equals(chosen))).toList());
  }

  /** The rows of days, each field with its value and the problem the reader found in it ("days[1].date"). */
  static JsonArray dayRows(JsonObject values, List<FieldError> errors, String language) {
    JsonArray rows = new JsonArray();
    int count = DAY_ROWS;
    while (values.containsKey("day" + (count - 1))) {
      count++;
    }
    for (int i = 0; i < count; i++) {
      JsonObject day = values.getJsonObject("day" + i, new JsonObject());
      JsonObject row = new JsonObject().put("index", i).put("number", i + 1);
      for (String field : List.of("date", "opens_at", "closes_at")) {
        String key = "days[" + i + "]." + field;
        row.put(field, day.getString(field, ""))
            .put(field + "_error", errors.stream().filter(e -> e.field().equals(key)).map(e -> e.text(language))
                .findFirst().orElse(null));
      }
      rows.add(row);
    }
    return rows;
  }
}
