package fr.parcours.admin;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.Slugs;
import fr.parcours.i18n.Field;
import fr.parcours.web.Forms;
import fr.parcours.web.JsonInput;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guided set-up of a new fair, in plain Java: one form gives the fair (name, city, days and
 * hours, changeover) and how its slot grid is laid out (talk length, lunch break); each day's
 * hours, split by lunch, become bodies for the API's slot generator.
 */
final class GuidedSetup {

  static final String ZONE = "Europe/Paris";
  static final int TALK_MINUTES = 30;
  static final int CHANGEOVER_MINUTES = 10;
  static final String LUNCH_FROM = "12:30";
  static final String LUNCH_TO = "13:30";
  private static final List<String> GRID_FIELDS = List.of("talk_minutes", "lunch_from", "lunch_to");

  /** How a day's hours are cut into slots: their length, and the lunch break no slot runs into (none if null). */
  record Grid(int talkMinutes, LocalTime lunchFrom, LocalTime lunchTo) {

    /** The generator bodies of one day: its hours before and after lunch, each part long enough for a talk. */
    List<JsonObject> generators(FairDay day) {
      List<LocalTime[]> parts = new ArrayList<>();
      boolean lunchInside = lunchFrom != null && lunchFrom.isBefore(day.closesAt()) && lunchTo.isAfter(day.opensAt());
      if (lunchInside) {
        parts.add(new LocalTime[] {day.opensAt(), lunchFrom});
        parts.add(new LocalTime[] {lunchTo, day.closesAt()});
      } else {
        parts.add(new LocalTime[] {day.opensAt(), day.closesAt()});
      }
      return parts.stream().filter(part -> Duration.between(part[0], part[1]).toMinutes() >= talkMinutes)
          .map(part -> new JsonObject().put("day", day.day().toString()).put("from", part[0].toString())
              .put("to", part[1].toString()).put("duration_minutes", talkMinutes))
          .toList();
    }
  }

  private GuidedSetup() {
  }

  /** The values a blank guided form starts from. */
  static JsonObject defaults() {
    return new JsonObject().put("time_zone", ZONE).put("talk_minutes", String.valueOf(TALK_MINUTES))
        .put("changeover_minutes", String.valueOf(CHANGEOVER_MINUTES)).put("lunch_from", LUNCH_FROM)
        .put("lunch_to", LUNCH_TO);
  }

  /** The fair's body for the API: its slug made from its name and the usual zone when the advanced part is left blank. */
  static JsonObject fairBody(MultiMap form) {
    JsonObject body = FairForm.body(form);
    if (!body.containsKey("slug") && body.getString("name") != null) {
      body.put("slug", Slugs.slugify(body.getString("name")));
    }
    if (!body.containsKey("time_zone")) {
      body.put("time_zone", ZONE);
    }
    return body;
  }

  /** What was typed, to show again with a refusal. */
  static JsonObject typed(MultiMap form) {
    JsonObject typed = FairForm.typed(form);
    GRID_FIELDS.forEach(field -> typed.put(field, form.get(field)));
    return typed;
  }

  /** The grid's fields read from the form; their problems go to {@code problems}. */
  static Grid grid(MultiMap form, List<FieldError> problems) {
    JsonInput in = JsonInput.of(Forms.json(form, GRID_FIELDS, Set.of("talk_minutes")));
    Integer talk = in.optionalInt("talk_minutes", 5, 600);
    LocalTime from = in.optionalTime("lunch_from");
    LocalTime to = in.optionalTime("lunch_to");
    in.check(from == null || to != null, "lunch_to", "REQUIRED", Map.of());
    in.check(to == null || from != null, "lunch_from", "REQUIRED", Map.of());
    in.check(from == null || to == null || to.isAfter(from), "lunch_to", "AFTER", Map.of("other", Field.of("lunch_from")));
    try {
      in.validate();
    } catch (AppException refused) {
      problems.addAll(refused.details());
      return null;
    }
    return new Grid(talk == null ? TALK_MINUTES : talk, to == null ? null : from, from == null ? null : to);
  }

  /** The days of a body the fair's reader accepted ({@code days[i]} of date, opens_at, closes_at). */
  static List<FairDay> days(JsonObject body) {
    return body.getJsonArray("days").stream().map(JsonObject.class::cast)
        .map(day -> new FairDay(LocalDate.parse(day.getString("date")), LocalTime.parse(day.getString("opens_at")),
            LocalTime.parse(day.getString("closes_at"))))
        .toList();
  }

  /** A day whose hours hold no talk is refused next to its closing time. */
  static List<FieldError> emptyDays(Grid grid, List<FairDay> days) {
    List<FieldError> problems = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      if (grid.generators(days.get(i)).isEmpty()) {
        problems.add(FieldError.of("days[" + i + "].closes_at", "NO_SLOT_FITS", Map.of("minutes", grid.talkMinutes())));
      }
    }
    return problems;
  }
}
