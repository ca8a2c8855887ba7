package fr.parcours.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * What changed between two availability documents ({@code GET …/availability}), as the
 * {@value FairStream#CHANGES} event sends it: {@code {"sessions": [...], "tracks": [...]}}, each
 * entry its key ({@code id}, {@code slug}) and only the fields whose value changed. A booking
 * moves a few sessions' and tracks' numbers; the delta is those, not the fair's whole document.
 * Applied field by field over the document it was computed from, it gives the new one.
 */
final class AvailabilityDelta {

  private static final String SESSIONS = "sessions";
  private static final String TRACKS = "tracks";

  private AvailabilityDelta() {
  }

  /**
   * The delta from {@code before} to {@code after}; both arrays empty when nothing changed;
   * {@code null} when only the whole document can say it: a session or track added, removed or
   * in another order, a field gone, the fair's own fields changed.
   */
  static JsonObject between(JsonObject before, JsonObject after) {
    if (!sameOutside(before, after)) {
      return null;
    }
    JsonArray sessions = entries(before.getJsonArray(SESSIONS), after.getJsonArray(SESSIONS), "id");
    JsonArray tracks = entries(before.getJsonArray(TRACKS), after.getJsonArray(TRACKS), "slug");
    return sessions == null || tracks == null ? null : new JsonObject().put(SESSIONS, sessions).put(TRACKS, tracks);
  }

  /** Whether {@code delta} says nothing changed. */
  static boolean empty(JsonObject delta) {
    return delta.getJsonArray(SESSIONS).isEmpty() && delta.getJsonArray(TRACKS).isEmpty();
  }

  private static boolean sameOutside(JsonObject before, JsonObject after) {
    if (!before.fieldNames().equals(after.fieldNames())) {
      return false;
    }
    return before.fieldNames().stream().filter(field -> !field.equals(SESSIONS) && !field.equals(TRACKS))
        .allMatch(field -> Objects.equals(before.getValue(field), after.getValue(field)));
  }

  private static JsonArray entries(JsonArray before, JsonArray after, String key) {
    if (before == null || after == null || before.size() != after.size()) {
      return null;
    }
    JsonArray changed = new JsonArray();
    for (int i = 0; i < before.size(); i++) {
      JsonObject was = before.getJsonObject(i);
      JsonObject is = after.getJsonObject(i);
      if (!Objects.equals(was.getValue(key), is.getValue(key)) || !is.fieldNames().containsAll(was.fieldNames())) {
        return null;
      }
      if (!was.equals(is)) {
        changed.add(fields(was, is, key));
      }
    }
    return changed;
  }

  private static JsonObject fields(JsonObject was, JsonObject is, String key) {
    JsonObject entry = new JsonObject().put(key, is.getValue(key));
    is.fieldNames().stream().filter(field -> !Objects.equals(was.getValue(field), is.getValue(field)))
        .forEach(field -> entry.put(field, is.getValue(field)));
    return entry;
  }
}
