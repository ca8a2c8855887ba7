package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.SessionKind;
import fr.parcours.fair.Slugs;
import fr.parcours.i18n.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parts of the session rule that need no database: placement, defaults, capacity limits. */
final class SessionShape {

  private SessionShape() {
  }

  /**
   * Checks where the session is (a track unless it is stand time; a room or a zone, not both)
   * and fills the activity key from the title when none is given.
   */
  static void complete(Map<String, Object> row) {
    List<FieldError> errors = new ArrayList<>();
    if (!SessionKind.STAND_TIME.json().equals(row.get("kind")) && row.get("track_id") == null) {
      errors.add(FieldError.of("track", "TRACK_REQUIRED"));
    }
    if ((row.get("room_id") == null) == (row.get("zone_id") == null)) {
      errors.add(FieldError.of("room", "ROOM_OR_ZONE"));
    }
    if (!errors.isEmpty()) {
      throw AppException.unprocessable("SESSION_PLACEMENT", Map.of(), errors);
    }
    if (row.get("activity") == null) {
      row.put("activity", Slugs.slugify((String) row.get("title")));
    }
  }

  /**
   * Defaults the capacity to the place's ({@code limit}, null when a zone sets none) and keeps
   * it within that limit and at or above the people already booked.
   */
  static void fitCapacity(Map<String, Object> row, Integer limit, String place) {
    Integer capacity = (Integer) row.get("capacity");
    if (capacity == null && limit == null) {
      throw AppException.unprocessable("CAPACITY_REQUIRED", "capacity", Map.of());
    }
    if (capacity == null) {
      row.put("capacity", limit);
    } else if (limit != null && capacity > limit) {
      throw AppException.unprocessable("CAPACITY_OVER_PLACE", "capacity", Map.of("place", Term.of("thing." + place), "limit", limit));
    }
    Integer booked = (Integer) row.get("booked");
    if (booked != null && (Integer) row.get("capacity") < booked) {
      throw AppException.conflict("CAPACITY_BELOW_BOOKED", "capacity", Map.of("booked", booked));
    }
  }
}
