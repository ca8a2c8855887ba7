package fr.parcours.admin;

import fr.parcours.association.Offer;
import fr.parcours.error.FieldError;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.resource.FairProgramme;
import fr.parcours.programme.Programme;
import fr.parcours.fair.resource.ShownSession;
import fr.parcours.programme.TimetableGrid;
import fr.parcours.web.Pages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The organiser's placement grid: the fair's rooms across, its slots down (a table per day),
 * each scheduled session in the cell of its room and of the slot it starts in, with the
 * conflicts it is in now; and the accepted offers still waiting for a room and a time. Each
 * placed offer's session and each waiting offer carries its placing form's choices.
 */
final class PlacementGrid {

  /** The placing just refused: its form's key, the room and slot chosen, and every conflict. */
  record Refused(String key, String room, String slot, List<FieldError> errors) {
  }

  /** The key of an offer's "place it once more" form, beside its placing form (keyed by the offer's id). */
  static final String AGAIN = "again-";

  private final Programme programme;
  private final List<FairProgramme.Slot> slots;
  private final List<Offer> offers;
  private final Map<Long, List<FieldError>> conflicts;
  private final JsonObject messages;
  private final Locale locale;
  private final Refused refused;
  private final List<ShownSession> scheduled;

  /** {@code offers} are the fair's accepted offers, {@code conflicts} the sessions in conflict now. */
  PlacementGrid(Programme programme, List<FairProgramme.Slot> slots, List<Offer> offers, Map<Long, List<FieldError>> conflicts,
                JsonObject messages, Locale locale, Refused refused) {
    this.programme = programme;
    this.slots = slots;
    this.offers = offers;
    this.conflicts = conflicts;
    this.messages = messages;
    this.locale = locale;
    this.refused = refused;
    this.scheduled = programme.sessions().stream().filter(s -> !s.cancelled() && s.room() != null).toList();
  }

  JsonObject build() {
    JsonArray days = new JsonArray();
    slots.stream().map(slot -> slot.startsAt().toLocalDate()).distinct().forEach(day -> days.add(new JsonObject()
        .put("label", FairTimes.dayLabel(day, locale)).put("rows", rows(day))));
    return new JsonObject().put("rooms", rooms(null)).put("days", days)
        .put("outside", cards(scheduled.stream().filter(s -> slots.stream().noneMatch(slot -> slot.holds(s))).toList()))
        .put("waiting", waiting()).put("conflict_count", conflicts.size()).put("has_slots", !slots.isEmpty());
  }

  private JsonArray rows(LocalDate day) {
    JsonArray rows = new JsonArray();
    slots.stream().filter(slot -> slot.startsAt().toLocalDate().equals(day)).forEach(slot -> {
      JsonArray cells = new JsonArray();
      programme.rooms().keySet().forEach(room -> {
        JsonArray cards = cards(scheduled.stream().filter(s -> room.equals(s.room()) && slot.holds(s)).toList());
        cells.add(new JsonObject().put("room", room).put("slot", slot.id()).put("sessions", cards)
            .put("free", scheduled.stream().noneMatch(s -> room.equals(s.room()) && slot.overlaps(s)))
            .put("conflict", cards.stream().anyMatch(c -> ((JsonObject) c).getBoolean("conflict"))));
      });
      rows.add(new JsonObject().put("label", label(slot)).put("cells", cells));
    });
    return rows;
  }

  private JsonArray cards(List<ShownSession> sessions) {
    return new JsonArray(sessions.stream().map(s -> {
      List<FieldError> now = conflicts.getOrDefault(s.id(), List.of());
      JsonObject card = TimetableGrid.card(programme, s, messages)
          .put("association", programme.associationName(s.association()))
          .put("conflict", !now.isEmpty())
          .put("conflicts", new JsonArray(now.stream().map(e -> (Object) e.text(locale.getLanguage())).toList()));
      offers.stream().filter(offer -> Objects.equals(offer.sessionId(), s.id())).findFirst()
          .ifPresent(offer -> card.put("form", form(offer, s.room(),
              slots.stream().filter(slot -> slot.holds(s)).map(slot -> String.valueOf(slot.id())).findFirst()
                  .orElse(null))).put("again", form(offer, AGAIN + offer.id(), null, null)));
      return (Object) card;
    }).toList());
  }

  /** Accepted talks and workshops with no scheduled session: the ones to place. */
  private JsonArray waiting() {
    return new JsonArray(offers.stream()
        .filter(offer -> offer.draft().placeable())
        .filter(offer -> scheduled.stream().noneMatch(s -> Objects.equals(s.id(), offer.sessionId())))
        .map(offer -> (Object) new JsonObject().put("title", offer.draft().title())
            .put("association", offer.associationName())
            .put("track", programme.trackName(offer.draft().theme()))
            .put("duration_minutes", offer.draft().durationMinutes()).put("people", offer.draft().people())
            .put("form", form(offer, null, null)))
        .toList());
  }

  /** An offer's placing form: the room and slot it holds (or those just typed, when this one was refused). */
  private JsonObject form(Offer offer, String room, String slot) {
    return form(offer, String.valueOf(offer.id()), room, slot);
  }

  private JsonObject form(Offer offer, String key, String room, String slot) {
    long id = offer.id();
    boolean wasRefused = refused != null && refused.key().equals(key);
    JsonArray errors = new JsonArray(!wasRefused ? List.of() : refused.errors().stream()
        .map(e -> (Object) Pages.said(e, locale.getLanguage())).toList());
    return new JsonObject().put("id", id).put("key", key).put("title", offer.draft().title())
        .put("action", key.startsWith(AGAIN) ? "repeat" : "place").put("again", key.startsWith(AGAIN))
        .put("placed", room != null)
        .put("rooms", rooms(wasRefused ? refused.room() : room))
        .put("slots", slotOptions(wasRefused ? refused.slot() : slot))
        .put("refused", wasRefused).put("errors", errors);
  }

  private JsonArray rooms(String selected) {
    return new JsonArray(programme.rooms().values().stream().map(room -> (Object) new JsonObject()
        .put("slug", room.slug()).put("name", room.name()).put("capacity", room.capacity())
        .put("selected", room.slug().equals(selected))).toList());
  }

  private JsonArray slotOptions(String selected) {
    return new JsonArray(slots.stream().map(slot -> (Object) new JsonObject().put("id", slot.id())
        .put("label", FairTimes.dayLabel(slot.startsAt().toLocalDate(), locale) + " " + label(slot))
        .put("selected", String.valueOf(slot.id()).equals(selected))).toList());
  }

  private static String label(FairProgramme.Slot slot) {
    return slot.startsAt().toLocalTime() + "–" + slot.endsAt().toLocalTime();
  }
}
