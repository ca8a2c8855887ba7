package fr.parcours.booking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The manage page's "Défi" section: the fair's challenges with their slots as radio choices
 * (the typed one kept checked after a refusal, its error beside it), the class's pick, or why
 * the class cannot pick. Absent when the fair has no challenges.
 */
final class ChallengeSection {

  private ChallengeSection() {
  }

  static JsonObject model(JsonObject booking, JsonArray challenges, String typedSlot, JsonObject messages) {
    String status = booking.getString("status");
    JsonObject section = new JsonObject().put("shown", !challenges.isEmpty())
        .put("can_pick", Booking.CONFIRMED.equals(status))
        .put("why_not", messages.getString("challenge_why_" + status));
    JsonObject picked = booking.getJsonObject("challenge");
    Long pickedSlot = picked == null ? null : picked.getJsonObject("slot").getLong("id");
    String checked = typedSlot != null ? typedSlot : picked == null ? null : picked.getLong("challenge") + ":" + pickedSlot;
    challenges.forEach(challenge -> {
      JsonObject c = (JsonObject) challenge;
      c.getJsonArray("slots").forEach(slot -> {
        JsonObject s = (JsonObject) slot;
        String value = c.getLong("id") + ":" + s.getLong("id");
        s.put("value", value).put("checked", value.equals(checked))
            .put("typed", value.equals(typedSlot)).put("outside", !present(booking, s));
      });
    });
    boolean typedShown = challenges.stream().flatMap(c -> ((JsonObject) c).getJsonArray("slots").stream())
        .anyMatch(slot -> ((JsonObject) slot).getBoolean("typed"));
    return section.put("challenges", challenges).put("typed_shown", typedShown);
  }

  /** Whether the class is at the fair for the whole slot: the only slots it may pick. */
  private static boolean present(JsonObject booking, JsonObject slot) {
    String starts = slot.getString("starts_at");
    String ends = slot.getString("ends_at");
    return starts.startsWith(booking.getString("day"))
        && BookingPageRoutes.clock(starts).compareTo(booking.getString("arrival")) >= 0
        && BookingPageRoutes.clock(ends).compareTo(booking.getString("departure")) <= 0;
  }

  /** The class's pick as the route summary and the print view show it, or null. */
  static JsonObject picked(JsonObject booking) {
    JsonObject picked = booking.getJsonObject("challenge");
    if (picked == null) {
      return null;
    }
    JsonObject slot = picked.getJsonObject("slot");
    return new JsonObject().put("title", picked.getString("title"))
        .put("time", BookingPageRoutes.clock(slot.getString("starts_at")) + " – "
            + BookingPageRoutes.clock(slot.getString("ends_at")));
  }
}
