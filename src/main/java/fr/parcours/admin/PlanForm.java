package fr.parcours.admin;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.stand.StandPeriod;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/**
 * The plan form: per track the classes expected (blank: as many as the rooms allow) and the
 * share of them coming in the morning, the afternoon and for the whole day, in percent; the
 * time limit, whether to keep what is placed, whether booked sessions may move. Read into the
 * plan API's body, so the API's checks name the field (a share that is no number is passed on
 * as it was typed, and refused).
 */
final class PlanForm {

  static final int DEFAULT_SECONDS = 30;
  private static final List<String> PARTS = List.of("morning", "afternoon", "day");

  private PlanForm() {
  }

  /** The form as first shown: half the classes in the morning, half in the afternoon. */
  static JsonObject blank(List<FairProgramme.Track> tracks) {
    JsonArray rows = new JsonArray();
    tracks.forEach(track -> rows.add(new JsonObject()
        .put("slug", track.slug()).put("name", track.name()).put("classes", "")
        .put("morning", "50").put("afternoon", "50").put("day", "0")));
    return new JsonObject().put("tracks", rows).put("seconds", String.valueOf(DEFAULT_SECONDS))
        .put("keep_placed", true).put("move_booked", false);
  }

  /** The form as typed, to show again next to its refusals. */
  static JsonObject typed(MultiMap form, List<FairProgramme.Track> tracks) {
    JsonArray rows = new JsonArray();
    tracks.forEach(track -> {
      String slug = track.slug();
      JsonObject row = new JsonObject().put("slug", slug).put("name", track.name())
          .put("classes", value(form, "classes-" + slug));
      PARTS.forEach(part -> row.put(part, value(form, part + "-" + slug)));
      rows.add(row);
    });
    return new JsonObject().put("tracks", rows).put("seconds", value(form, "seconds"))
        .put("keep_placed", form.contains("keep_placed")).put("move_booked", form.contains("move_booked"));
  }

  /** The plan API's body for the form. */
  static JsonObject body(JsonObject typed, Fair fair) {
    JsonObject demand = new JsonObject();
    for (Object item : typed.getJsonArray("tracks")) {
      JsonObject row = (JsonObject) item;
      JsonObject track = new JsonObject();
      if (!row.getString("classes").isBlank()) {
        track.put("classes", number(row.getString("classes")));
      }
      JsonArray windows = new JsonArray();
      for (String part : PARTS) {
        Object share = share(row.getString(part));
        if (!(share instanceof Double value && value == 0)) {
          windows.add(window(fair, part).put("share", share));
        }
      }
      demand.put(row.getString("slug"), track.put("windows", windows));
    }
    JsonObject body = new JsonObject().put("demand", demand).put("keep_placed", typed.getBoolean("keep_placed"))
        .put("move_booked", typed.getBoolean("move_booked"));
    String seconds = typed.getString("seconds");
    return seconds.isBlank() ? body : body.put("seconds", number(seconds));
  }

  /** A part of the day as bus times every fair day shares: the latest opening, the earliest closing. */
  private static JsonObject window(Fair fair, String part) {
    StandPeriod period = StandPeriod.valueOf(part.toUpperCase(java.util.Locale.ROOT));
    LocalTime arrival = fair.days().stream().map(day -> clock(period, day, fair, true))
        .max(Comparator.naturalOrder()).orElseThrow();
    LocalTime departure = fair.days().stream().map(day -> clock(period, day, fair, false))
        .min(Comparator.naturalOrder()).orElseThrow();
    return new JsonObject().put("arrival", arrival.toString()).put("departure", departure.toString());
  }

  private static LocalTime clock(StandPeriod period, FairDay day, Fair fair, boolean start) {
    var interval = period.on(day, fair.zone());
    return FairTimes.local(start ? interval.start() : interval.end(), fair.zone()).toLocalTime();
  }

  private static Object share(String percent) {
    try {
      return Integer.parseInt(percent.strip()) / 100.0;
    } catch (NumberFormatException e) {
      return percent.isBlank() ? 0.0 : percent;
    }
  }

  private static Object number(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static String value(MultiMap form, String name) {
    String value = form.get(name);
    return value == null ? "" : value;
  }
}
