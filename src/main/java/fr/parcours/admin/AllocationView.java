package fr.parcours.admin;

import fr.parcours.i18n.Catalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An allocation as its preview page shows it, from the API's answer: the choices got and the
 * reasons left out as labelled lines, each school's and track's row with its counts said in
 * words, the unplaced classes with their reason's label.
 */
final class AllocationView {

  private static final List<String> CHOICES = List.of("first", "second", "third", "later", "any_other");
  private static final List<String> REASONS = List.of("ALLOCATION_FULL", "SCHOOL_CAP_REACHED", "ALLOCATION_NEVER_FITS",
      "TOO_FEW_ADULTS");

  private final String language;

  AllocationView(String language) {
    this.language = language;
  }

  JsonObject model(JsonObject allocation, boolean fairPublished) {
    JsonObject figures = allocation.getJsonObject("figures");
    JsonObject shown = new JsonObject().put("id", allocation.getLong("id")).put("seed", allocation.getLong("seed"))
        .put("pupils", figures.getJsonObject("pupils")).put("classes", figures.getJsonObject("classes"))
        .put("choices", choices(figures.getJsonObject("choices")))
        .put("reasons", reasons(figures.getJsonObject("unplaced")))
        .put("publishable", !fairPublished);
    JsonArray schools = new JsonArray();
    figures.getJsonArray("schools").forEach(s -> {
      JsonObject school = ((JsonObject) s).copy();
      String ticket = ticketOf(allocation.getJsonArray("draw"), school.getString("school"));
      schools.add(school.put("ticket", ticket).put("ticket_short", ticket.substring(0, Math.min(12, ticket.length())))
          .put("unplaced_text", reasonsText(school.getJsonObject("unplaced"))));
    });
    JsonArray tracks = new JsonArray();
    figures.getJsonArray("tracks").forEach(t -> {
      JsonObject track = ((JsonObject) t).copy();
      tracks.add(track.put("choices_text", choicesText(track.getJsonObject("choices"))));
    });
    JsonArray unplaced = new JsonArray();
    allocation.getJsonArray("unplaced").forEach(u -> {
      JsonObject one = ((JsonObject) u).copy();
      unplaced.add(one.put("reason_label", say("allocation_reason_" + one.getString("reason"))));
    });
    return shown.put("schools", schools).put("tracks", tracks).put("unplaced", unplaced);
  }

  private JsonArray choices(JsonObject choices) {
    JsonArray lines = new JsonArray();
    for (String key : CHOICES) {
      JsonObject choice = choices.getJsonObject(key);
      if (choice.getInteger("classes") > 0 || List.of("first", "second", "third", "any_other").contains(key)) {
        lines.add(new JsonObject().put("key", key).put("label", say("allocation_choice_" + key))
            .put("classes", choice.getInteger("classes"))
            .put("percent", Math.round(choice.getDouble("share") * 100)));
      }
    }
    return lines;
  }

  private JsonArray reasons(JsonObject counts) {
    JsonArray lines = new JsonArray();
    REASONS.stream().filter(code -> counts.getLong(code, 0L) > 0).forEach(code -> lines.add(new JsonObject()
        .put("code", code).put("label", say("allocation_reason_" + code)).put("count", counts.getLong(code))));
    return lines;
  }

  private String reasonsText(JsonObject counts) {
    return REASONS.stream().filter(code -> counts.getLong(code, 0L) > 0)
        .map(code -> say("allocation_reason_" + code) + " : " + counts.getLong(code))
        .collect(Collectors.joining(" ; "));
  }

  private String choicesText(JsonObject choices) {
    return CHOICES.stream().filter(key -> choices.getJsonObject(key).getInteger("classes") > 0)
        .map(key -> say("allocation_choice_" + key) + " : " + choices.getJsonObject(key).getInteger("classes"))
        .collect(Collectors.joining(" ; "));
  }

  private static String ticketOf(JsonArray draw, String school) {
    return draw.stream().map(JsonObject.class::cast).filter(t -> t.getString("school").equals(school)).findFirst()
        .map(t -> t.getString("ticket")).orElse("");
  }

  private String say(String key) {
    return Catalogue.say(language, key, Map.of());
  }
}
