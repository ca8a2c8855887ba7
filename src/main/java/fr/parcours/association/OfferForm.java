package fr.parcours.association;

import fr.parcours.error.FieldError;
import fr.parcours.fair.FairTimes;
import fr.parcours.web.Forms;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offer form of the association's pages, turned into the API's JSON body so that the API's
 * own parsing checks it, and back into what the form shows. Availability comes as rows of day,
 * start and end (as many rows as the page drew, blank ones left out); trades one per line.
 */
final class OfferForm {

  /** A page draws at least this many availability rows, so that two windows need no script. */
  static final int MIN_ROWS = 2;
  static final String WINDOWS = "availability";
  private static final String DURATION = "duration_minutes";
  private static final List<String> FIELDS = List.of("kind", "theme", "title", "description", "audience", DURATION,
      "people", "needs.tables");
  private static final Set<String> WHOLE_NUMBERS = Set.of(DURATION, "people", "needs.tables");
  private static final List<String> TYPED = List.of("kind", "theme", "title", "description", "audience", DURATION,
      "people", "trades", "needs.tables", "needs.power", "needs.screen");
  private static final Pattern WINDOW_ERROR = Pattern.compile("availability\\[(\\d+)]\\.(starts_at|ends_at)");

  /** One availability row as typed: a fair day (ISO date) and two wall-clock times. */
  record Window(String day, String start, String end) {
    boolean blank() {
      return start.isBlank() && end.isBlank();
    }
  }

  private OfferForm() {
  }

  static List<Window> windows(MultiMap form) {
    List<String> days = form.getAll("window_day");
    List<String> starts = form.getAll("window_start");
    List<String> ends = form.getAll("window_end");
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < Math.min(starts.size(), ends.size()); i++) {
      windows.add(new Window(i < days.size() ? days.get(i) : "", starts.get(i).strip(), ends.get(i).strip()));
    }
    return windows;
  }

  /** The body {@code POST …/offers} (or an edit) reads; a blank field is null, for the API to name it. */
  static JsonObject body(MultiMap form, List<Window> windows, ZoneId zone) {
    JsonObject body = Forms.json(form, FIELDS, WHOLE_NUMBERS);
    // Left out, a talk's duration is the fair's 30 minutes; any other kind is then asked for it.
    FIELDS.stream().filter(field -> !body.containsKey(field) && !field.contains(".") && !DURATION.equals(field))
        .forEach(body::putNull);
    JsonArray availability = new JsonArray();
    windows.stream().filter(w -> !w.blank()).forEach(w -> availability.add(new JsonObject()
        .put("starts_at", instant(w.day(), w.start(), zone)).put("ends_at", instant(w.day(), w.end(), zone))));
    JsonArray trades = new JsonArray();
    String typedTrades = form.get("trades");
    if (typedTrades != null) {
      typedTrades.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(trades::add);
    }
    JsonObject needs = body.getJsonObject("needs", new JsonObject());
    return body.put(WINDOWS, availability).put("trades", trades).put("needs", needs.put("tables", needs.getValue("tables", 0))
        .put("power", "yes".equals(form.get("needs.power"))).put("screen", "yes".equals(form.get("needs.screen"))));
  }

  /** What was typed, to show the form again after a refusal. */
  static JsonObject typed(MultiMap form) {
    return Forms.json(form, TYPED, Set.of());
  }

  /** A stored offer (its API JSON) as the edit form shows it: the same shape as {@link #typed}. */
  static JsonObject stored(JsonObject offer) {
    return offer.copy().put("trades", String.join("\n", offer.getJsonArray("trades").stream().map(String::valueOf).toList()));
  }

  /** The stored windows of an offer's JSON, as rows of the form (ISO local times of the fair). */
  static List<Window> storedWindows(JsonObject offer) {
    return offer.getJsonArray(WINDOWS).stream().map(JsonObject.class::cast)
        .map(w -> new Window(w.getString("starts_at").substring(0, 10), w.getString("starts_at").substring(11, 16),
            w.getString("ends_at").substring(11, 16)))
        .toList();
  }

  /** The refusal's problems as the page lists them: each window's under the one "availability" field. */
  static List<FieldError> pageErrors(List<FieldError> errors) {
    return errors.stream().map(e -> WINDOW_ERROR.matcher(e.field()).matches()
        ? new FieldError(WINDOWS, e.code(), e.params()) : e).toList();
  }

  /** Each window problem by its row: blank rows were not sent and are drawn last, so a row is its index sent. */
  static Map<Integer, String> rowErrors(List<FieldError> errors, String language) {
    Map<Integer, String> byRow = new HashMap<>();
    errors.forEach(e -> {
      Matcher m = WINDOW_ERROR.matcher(e.field());
      if (m.matches()) {
        byRow.merge(Integer.parseInt(m.group(1)), e.text(language), (a, b) -> a + " ; " + b);
      }
    });
    return byRow;
  }

  /** The rows a page draws: the windows given, then blank ones, at least {@link #MIN_ROWS} and one spare. */
  static List<Window> rows(List<Window> windows) {
    List<Window> rows = new ArrayList<>(windows.stream().filter(w -> !w.blank()).toList());
    while (rows.size() < MIN_ROWS || !rows.get(rows.size() - 1).blank()) {
      rows.add(new Window("", "", ""));
    }
    return rows;
  }

  /** The instant a row names, in the fair's zone; what cannot be read is passed on for the API to refuse. */
  private static String instant(String day, String time, ZoneId zone) {
    if (time.isBlank()) {
      return null;
    }
    try {
      return FairTimes.format(FairTimes.at(LocalDate.parse(day), LocalTime.parse(time), zone), zone);
    } catch (DateTimeParseException e) {
      return day + "T" + time;
    }
  }
}
