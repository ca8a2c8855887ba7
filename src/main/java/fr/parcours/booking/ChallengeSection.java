package fr.parcours.booking;

import fr.parcours.booking.ChallengeChoice.Offer;
import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.util.List;

/**
 * The manage page's "Défi" section: the fair's challenges with their slots as radio choices
 * (the typed one kept checked after a refusal, its error beside it), the class's pick, or why
 * the class cannot pick. Absent when the fair has no challenges.
 */
final class ChallengeSection {

  private ChallengeSection() {
  }

  static JsonObject model(ShownBooking shown, List<Offer> challenges, String typedSlot, JsonObject messages) {
    String status = shown.booking().status();
    ChallengePick picked = shown.pick();
    String checked = typedSlot != null ? typedSlot : picked == null ? null : value(picked.challengeId(), picked.slot().id());
    JsonArray shownChallenges = new JsonArray();
    challenges.forEach(challenge -> {
      JsonArray slots = new JsonArray();
      challenge.slots().forEach(slot -> {
        String value = value(challenge.id(), slot.id());
        slots.add(new JsonObject().put("id", slot.id()).put("value", value)
            .put("time", ManagePage.span(slot.startsAt(), slot.endsAt(), shown.fair().zone()))
            .put("left", slot.left()).put("unit_label", messages.getString("challenge_unit_" + slot.unit()))
            .put("checked", value.equals(checked)).put("typed", value.equals(typedSlot))
            .put("outside", !present(shown, slot)));
      });
      shownChallenges.add(new JsonObject().put("id", challenge.id()).put("title", challenge.title())
          .put("description", challenge.description()).put("slots", slots));
    });
    boolean typedShown = challenges.stream()
        .anyMatch(c -> c.slots().stream().anyMatch(slot -> value(c.id(), slot.id()).equals(typedSlot)));
    return new JsonObject().put("shown", !challenges.isEmpty())
        .put("can_pick", Booking.CONFIRMED.equals(status))
        .put("why_not", messages.getString("challenge_why_" + status))
        .put("challenges", shownChallenges).put("typed_shown", typedShown);
  }

  /** A slot as the form sends it: "challengeId:slotId". */
  private static String value(long challengeId, long slotId) {
    return challengeId + ":" + slotId;
  }

  /** Whether the class is at the fair for the whole slot: the only slots it may pick. */
  private static boolean present(ShownBooking shown, Offer.Slot slot) {
    BookingRequest r = shown.booking().request();
    ZoneId zone = shown.fair().zone();
    return !slot.startsAt().isBefore(FairTimes.at(r.day(), r.arrival(), zone))
        && !slot.endsAt().isAfter(FairTimes.at(r.day(), r.departure(), zone));
  }
}
