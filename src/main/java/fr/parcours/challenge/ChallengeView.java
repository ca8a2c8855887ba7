package fr.parcours.challenge;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** What pages show of the challenges list: each slot with its wall-clock times (the API gives them in the fair's zone) and unit. */
public final class ChallengeView {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private ChallengeView() {
  }

  /** The list with a {@code time} label ("10:00 – 10:30") and its unit in words on every slot. */
  public static JsonObject forPage(JsonObject list, JsonObject messages) {
    list.getJsonArray("challenges").forEach(challenge -> ((JsonObject) challenge).getJsonArray("slots")
        .forEach(slot -> {
          JsonObject s = (JsonObject) slot;
          s.put("time", clock(s.getString("starts_at")) + " – " + clock(s.getString("ends_at")))
              .put("unit_label", messages.getString("challenge_unit_" + s.getString("unit")));
        }));
    return list;
  }

  private static String clock(String instant) {
    return CLOCK.format(OffsetDateTime.parse(instant));
  }
}
