package fr.parcours.association;

import fr.parcours.web.JsonInput;

import java.time.OffsetDateTime;
import java.util.Map;

/** Where the organiser puts an offer: a room, and a slot of the grid or a start time; it lasts the offer's duration. */
record PlacementRequest(String room, Long slot, OffsetDateTime startsAt) {

  static PlacementRequest read(JsonInput in) {
    String room = in.requiredSlug("room");
    Integer slot = in.optionalInt("slot", 1);
    OffsetDateTime startsAt = in.optionalDateTime("starts_at");
    in.check((slot == null) != (startsAt == null) || !in.valid(), "starts_at", "SLOT_OR_START", Map.of());
    in.validate();
    return new PlacementRequest(room, slot == null ? null : slot.longValue(), startsAt);
  }
}
