package fr.parcours.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * What a fair still lacks before classes can book it, read from its programme: tracks to choose,
 * rooms to hold sessions, scheduled sessions. A fair lacking one may still be published (the
 * organiser is told first, and the button says "anyway"); its programme would be empty.
 */
final class PublishCheck {

  /** Each need: the programme's list, and the set-up page (under the fair's admin path) that fills it. */
  private static final List<Map.Entry<String, String>> NEEDS = List.of(Map.entry("tracks", "resources/tracks"),
      Map.entry("rooms", "places/rooms"), Map.entry("sessions", "programme"));

  private PublishCheck() {
  }

  /** The needs {@code programme} (as {@code ResourceService.programme} reads it) leaves unmet, in set-up order. */
  static List<String> missing(JsonObject programme) {
    return NEEDS.stream().map(Map.Entry::getKey).filter(need -> none(programme, need)).toList();
  }

  /** The unmet needs as the settings page lists them: the sentence and the page that fills it. */
  static JsonArray shown(String fairSlug, JsonObject programme, JsonObject messages) {
    List<String> missing = missing(programme);
    return new JsonArray(NEEDS.stream().filter(need -> missing.contains(need.getKey()))
        .map(need -> (Object) new JsonObject().put("id", "missing-" + need.getKey())
            .put("text", messages.getString("admin_missing_" + need.getKey()))
            .put("href", AdminSession.PATH + "/fairs/" + fairSlug + "/" + need.getValue())).toList());
  }

  private static boolean none(JsonObject programme, String need) {
    JsonArray rows = programme.getJsonArray(need, new JsonArray());
    return rows.stream().map(JsonObject.class::cast)
        .noneMatch(row -> !"sessions".equals(need) || "scheduled".equals(row.getString("status", "scheduled")));
  }
}
