package fr.parcours.challenge;

import fr.parcours.challenge.Challenge.Slot;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.util.List;

/** The JSON shapes of challenges; times in the fair's zone (a booking's pick is in booking's BookingJson). */
final class ChallengeJson {

  private ChallengeJson() {
  }

  static JsonObject of(Challenge challenge, ZoneId zone) {
    JsonArray slots = new JsonArray();
    challenge.slots().forEach(slot -> slots.add(slot(slot, zone)));
    return new JsonObject().put("id", challenge.id()).put("title", challenge.title())
        .put("description", challenge.description()).put("zone", challenge.zone()).put("spot", challenge.spot())
        .put("slots", slots);
  }

  static JsonObject list(List<Challenge> challenges, ZoneId zone) {
    return new JsonObject().put("challenges",
        new JsonArray(challenges.stream().map(c -> (Object) of(c, zone)).toList()));
  }

  private static JsonObject slot(Slot slot, ZoneId zone) {
    return new JsonObject().put("id", slot.id())
        .put("starts_at", FairTimes.format(slot.startsAt(), zone)).put("ends_at", FairTimes.format(slot.endsAt(), zone))
        .put("capacity", slot.capacity()).put("unit", slot.unit()).put("taken", slot.taken())
        .put("left", slot.capacity() - slot.taken());
  }
}
