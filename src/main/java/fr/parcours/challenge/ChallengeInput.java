package fr.parcours.challenge;

import fr.parcours.web.JsonInput;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A challenge as the organiser writes it: title, description, where it is presented (a zone
 * and/or a stand spot, by slug and number), and on creation its presentation slots. On an edit
 * a null field is left as it was.
 */
record ChallengeInput(String title, String description, String zone, String spot, List<SlotInput> slots) {

  static final List<String> UNITS = List.of("classes", "pupils");

  /** A presentation slot: when, and how many classes or pupils it takes. */
  record SlotInput(OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity, String unit) {

    static SlotInput parse(JsonInput in, boolean creating) {
      OffsetDateTime start = creating ? in.requiredDateTime("starts_at") : in.optionalDateTime("starts_at");
      OffsetDateTime end = creating ? in.requiredDateTime("ends_at") : in.optionalDateTime("ends_at");
      Integer capacity = creating ? in.requiredInt("capacity", 1) : in.optionalInt("capacity", 1);
      String unit = creating ? in.requiredChoice("unit", UNITS) : in.optionalChoice("unit", UNITS);
      return new SlotInput(start, end, capacity, unit);
    }
  }

  static ChallengeInput parse(JsonInput in, boolean creating) {
    String title = creating ? in.requiredText("title") : in.optionalText("title");
    String description = in.optionalText("description");
    String zone = in.optionalSlug("zone");
    String spot = in.optionalText("spot");
    List<SlotInput> slots = in.objectList("slots", false).stream().map(slot -> SlotInput.parse(slot, true)).toList();
    in.check(creating || !in.has("slots"), "slots", "SLOTS_EDITED_APART", Map.of());
    in.validate();
    return new ChallengeInput(title, description, zone, spot, slots);
  }

  static SlotInput slot(JsonInput in, boolean creating) {
    SlotInput slot = SlotInput.parse(in, creating);
    in.validate();
    return slot;
  }
}
