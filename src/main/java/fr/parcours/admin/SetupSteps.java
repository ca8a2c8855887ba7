package fr.parcours.admin;

import fr.parcours.fair.Fair;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The steps of setting a fair up, in the order an organiser takes them: the links above each set-up page. */
final class SetupSteps {

  /** Each step's page under the fair's admin path, and its name in the catalogue ({@code admin_step_…}). */
  private static final List<String> STEPS = List.of("settings", "grid");

  private SetupSteps() {
  }

  static JsonArray of(Fair fair, String current, JsonObject messages) {
    JsonArray steps = new JsonArray();
    for (int i = 0; i < STEPS.size(); i++) {
      String step = STEPS.get(i);
      steps.add(new JsonObject().put("href", AdminSession.PATH + "/fairs/" + fair.slug() + "/" + step)
          .put("id", "step-" + step).put("number", i + 1).put("label", messages.getString("admin_step_" + step))
          .put("current", step.equals(current)));
    }
    return steps;
  }
}
