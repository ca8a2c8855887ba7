package fr.parcours.fair.resource;

import fr.parcours.fair.SchoolLevels;
import fr.parcours.fair.SessionKind;
import java.util.List;
import java.util.Set;

import static fr.parcours.fair.resource.FieldSpec.choice;
import static fr.parcours.fair.resource.FieldSpec.choiceList;
import static fr.parcours.fair.resource.FieldSpec.colour;
import static fr.parcours.fair.resource.FieldSpec.dateTime;
import static fr.parcours.fair.resource.FieldSpec.decimal;
import static fr.parcours.fair.resource.FieldSpec.flag;
import static fr.parcours.fair.resource.FieldSpec.optionalSlug;
import static fr.parcours.fair.resource.FieldSpec.optionalText;
import static fr.parcours.fair.resource.FieldSpec.reference;
import static fr.parcours.fair.resource.FieldSpec.slug;
import static fr.parcours.fair.resource.FieldSpec.text;
import static fr.parcours.fair.resource.FieldSpec.whole;

/** Every sub-resource of a fair, in the order the programme lists them. */
public final class ResourceCatalog {

  public static final ResourceSpec VENUES = new ResourceSpec("venues", "venues", "slug", "Venue",
      List.of(slug("slug"), text("name"), text("address"), text("city")),
      List.of(), "t.slug", "", ResourceRule.NONE);

  public static final ResourceSpec TRACKS = new ResourceSpec("tracks", "tracks", "slug", "Track",
      List.of(slug("slug"), text("name"), optionalText("description", ""), colour("color", "#1f6feb"),
          choiceList("levels", SchoolLevels.ALL), whole("position", 0, false, 0), whole("class_size", 1, false, 30)),
      List.of(), "t.position, t.slug", "", ResourceRule.NONE);

  public static final ResourceSpec ROOMS = new ResourceSpec("rooms", "rooms", "slug", "Room",
      List.of(slug("slug"), text("name"), reference("venue", "venues", true),
          choice("kind", List.of("conference", "workshop", "other"), null), whole("capacity", 1, true, null),
          flag("screen", true), flag("power", true), flag("accessible", false)),
      List.of(), "t.slug", "", new PlaceRule("room"));

  public static final ResourceSpec ZONES = new ResourceSpec("zones", "zones", "slug", "Zone",
      List.of(slug("slug"), text("name"), reference("venue", "venues", true), whole("capacity", 1, false, null)),
      List.of(), "t.slug", "", new PlaceRule("zone"));

  public static final ResourceSpec STAND_SPOTS = new ResourceSpec("stand-spots", "stand_spots", "number",
      "Stand spot",
      List.of(text("number"), reference("zone", "zones", true), decimal("x", 0), decimal("y", 0),
          decimal("width", 0.1), decimal("depth", 0.1), flag("power", false)),
      List.of(), "t.zone_id, " + naturalOrder("t.number") + ", t.id", "", new StandSpotRule());

  /**
   * An ORDER BY for numbers people write (stand spots "2", "10", "A12"): by their letters, then
   * their digits as a number, so 2 comes before 10; the text itself breaks ties.
   */
  public static String naturalOrder(String column) {
    return "regexp_replace(" + column + ", '[0-9]+', '', 'g'), "
        + "nullif(regexp_replace(" + column + ", '[^0-9]', '', 'g'), '')::numeric NULLS FIRST, " + column;
  }

  public static final ResourceSpec SLOTS = new ResourceSpec("slots", "slots", "id", "Slot",
      List.of(dateTime("starts_at"), dateTime("ends_at")),
      List.of(), "t.starts_at", "", new SlotRule());

  public static final ResourceSpec ASSOCIATIONS = new ResourceSpec("associations", "associations", "slug",
      "Association",
      List.of(slug("slug"), text("name"), reference("track", "tracks", false), optionalText("description", ""),
          optionalText("website", ""), optionalText("contact_email", "")),
      List.of(), "t.slug", "", ResourceRule.NONE);

  public static final ResourceSpec SESSIONS = new ResourceSpec("sessions", "sessions", "id", "Session",
      List.of(optionalSlug("activity"), text("title"), optionalText("description", ""),
          choice("kind", SessionKind.NAMES, null), optionalText("level", ""), reference("track", "tracks", false),
          reference("room", "rooms", false), reference("zone", "zones", false),
          reference("association", "associations", false), dateTime("starts_at"), dateTime("ends_at"),
          whole("capacity", 0, false, null), choice("status", List.of("scheduled", "cancelled"), "scheduled")),
      List.of("booked", "sequence"), "t.starts_at, t.id",
      // SEQUENCE (published by calendars) is raised by a trigger on every change a calendar shows (migration 006).
      ", updated_at = now()", new SessionRule());

  /** Fields that say how to reach a person: shown to the fair's organiser only. */
  public static final Set<String> PERSONAL = Set.of("contact_email");

  public static final List<ResourceSpec> ALL =
      List.of(VENUES, TRACKS, ROOMS, ZONES, STAND_SPOTS, SLOTS, ASSOCIATIONS, SESSIONS);

  private ResourceCatalog() {
  }
}
