package fr.parcours.allocation;

import fr.parcours.allocation.AllocationRepository.AllocationRow;
import fr.parcours.allocation.AllocationRepository.Outcome;
import fr.parcours.allocation.AllocationRepository.ShownOutcome;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Allocations as the API gives them: a summary in lists, the whole preview alone, the public draw. */
final class AllocationJson {

  /** How anyone re-checks a ticket from a shell. */
  static final String CHECK = "printf '%s' '<seed>:<UAI>' | sha256sum";

  private AllocationJson() {
  }

  static JsonObject summary(AllocationRow row, ZoneId zone) {
    JsonObject figures = row.figures();
    return new JsonObject().put("id", row.id()).put("seed", row.seed())
        .put("created_at", time(row.createdAt(), zone))
        .put("automatic", row.createdBy() == null)
        .put("published", row.publishedAt() != null)
        .put("published_at", time(row.publishedAt(), zone))
        .put("pupils", figures.getJsonObject("pupils"))
        .put("classes", figures.getJsonObject("classes"));
  }

  /** The preview: its figures, the draw, and each request's outcome in the outcome's order. */
  static JsonObject full(AllocationRow row, List<ShownOutcome> outcomes, ZoneId zone) {
    JsonObject figures = row.figures().copy();
    JsonArray draw = (JsonArray) figures.remove("draw");
    JsonArray shown = new JsonArray();
    JsonArray unplaced = new JsonArray();
    outcomes.forEach(o -> {
      JsonObject json = outcome(o);
      shown.add(json);
      if (o.outcome().reason() != null) {
        unplaced.add(json);
      }
    });
    return summary(row, zone).put("draw", draw).put("figures", figures).put("outcomes", shown)
        .put("unplaced", unplaced);
  }

  /** What the public draw page shows: the seed, the schools' tickets in order, how to check them. */
  static JsonObject draw(AllocationRow row, int previews, ZoneId zone) {
    return new JsonObject().put("published", true).put("seed", row.seed()).put("published_at", time(row.publishedAt(), zone))
        .put("automatic", row.createdBy() == null).put("previews", previews)
        .put("draw", row.figures().getJsonArray("draw")).put("check", CHECK);
  }

  private static JsonObject outcome(ShownOutcome shown) {
    Outcome o = shown.outcome();
    JsonObject json = new JsonObject().put("request", o.requestId()).put("position", o.position())
        .put("school", shown.schoolUai()).put("school_name", shown.schoolName()).put("class", shown.className())
        .put("pupils", shown.pupils());
    if (o.reason() != null) {
      return json.put("reason", o.reason());
    }
    return json.put("track", shown.trackSlug()).put("track_name", shown.trackName())
        .put("choice", AllocationFigures.choice(o.choiceRank())).put("choice_rank", o.choiceRank())
        .put("window", o.windowRank()).put("sessions", new JsonArray(List.copyOf(o.sessionIds())));
  }

  private static String time(OffsetDateTime instant, ZoneId zone) {
    return instant == null ? null : FairTimes.format(instant, zone);
  }
}
