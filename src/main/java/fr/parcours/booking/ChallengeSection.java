package fr.parcours.booking;

import fr.parcours.fair.FairTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * The manage page's "Défi" section: the fair's challenges with their slots as radio choices
 * (the typed one kept checked after a refusal, its error beside it), the class's pick, or why
 * the class cannot pick. Absent when the fair has no challenges.
 */
final class ChallengeSection {

  private ChallengeSection() {
  }

  /** {@code challenges}: the fair's, as {@link ChallengeChoice#offered} lists them for a page. */
  static JsonObject model(ShownBooking shown, JsonArray challenges, String typedSlot, JsonObject messages) {
    String status = shown.booking().status();
    JsonObject section = new JsonObject().put("shown", !challenges.isEmpty())
        .put("can_pick", Booking.CONFIRMED.equals(status))
        .put("why_not", messages.getString("challenge_why_" + status));
    ChallengePick picked = shown.pick();
    String checked = typedSlot != null ? typedSlot : picked == null ? null : picked.challengeId() + ":" + picked.slot().id();
    challenges.forEach(challenge -> {
      JsonObject c = (JsonObject) challenge;
      c.getJsonArray("slots").forEach(slot -> {
        JsonObject s = (JsonObject) slot;
        String value = c.getLong("id") + ":" + s.getLong("id");
        s.put("value", value).put("checked", value.equals(checked))
            .put("typed", value.equals(typedSlot)).put("outside", !present(shown, s));
      });
    });
    boolean typedShown = challenges.stream().flatMap(c -> ((JsonObject) c).getJsonArray("slots").stream())
        .anyMatch(slot -> ((JsonObject) slot).getBoolean("typed"));
    return section.put("challenges", challenges).put("typed_shown", typedShown);
  }

  /** Whether the class is at the fair for the whole slot: the only slots it may pick. */
  private static boolean present(ShownBooking shown, JsonObject slot) {
    BookingRequest r = shown.booking().request();
    LocalDateTime starts = local(shown, slot.getString("starts_at"));
    LocalDateTime ends = local(shown, slot.getString("ends_at"));
    return !starts.isBefore(r.day().atTime(r.arrival())) && !ends.isAfter(r.day().atTime(r.departure()));
  }

  private static LocalDateTime local(ShownBooking shown, String instant) {
    return FairTimes.local(OffsetDateTime.parse(instant), shown.fair().zone()).toLocalDateTime();
  }
}
