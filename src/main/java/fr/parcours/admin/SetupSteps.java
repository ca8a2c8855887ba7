package fr.parcours.admin;

import fr.parcours.fair.Fair;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/** The steps of setting a fair up, in the order an organiser takes them: the links above each set-up page. */
final class SetupSteps {

  /** Each step's name in the catalogue ({@code admin_step_…}) and its page under the fair's admin path. */
  private static final List<Map.Entry<String, String>> STEPS = List.of(Map.entry("settings", "settings"),
      Map.entry("grid", "grid"), Map.entry("venues", "resources/venues"), Map.entry("rooms", "places/rooms"),
      Map.entry("stands", "places/stand-spots"), Map.entry("tracks", "places/tracks"),
      Map.entry("rules", "booking-rules"));

  private SetupSteps() {
  }

  /** The steps, {@code current} (a page path under the fair, "grid") marked as the one shown. */
  static JsonArray of(Fair fair, String current, JsonObject messages) {
    JsonArray steps = new JsonArray();
    for (int i = 0; i < STEPS.size(); i++) {
      Map.Entry<String, String> step = STEPS.get(i);
      steps.add(new JsonObject().put("href", AdminSession.PATH + "/fairs/" + fair.slug() + "/" + step.getValue())
          .put("id", "step-" + step.getKey()).put("number", i + 1)
          .put("label", messages.getString("admin_step_" + step.getKey())).put("current", step.getValue().equals(current)));
    }
    return steps;
  }
}
