package fr.parcours.fair.resource;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.SessionKind;
import fr.parcours.fair.Slugs;

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
      errors.add(new FieldError("track", "is required except for stand_time sessions"));
    }
    if ((row.get("room_id") == null) == (row.get("zone_id") == null)) {
      errors.add(new FieldError("room", "give either a room or a zone"));
    }
    if (!errors.isEmpty()) {
      throw AppException.unprocessable("SESSION_PLACEMENT", "The session is not placed correctly", errors);
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
      throw Rows.unprocessable("CAPACITY_REQUIRED", "capacity", "is required: the zone sets no capacity");
    }
    if (capacity == null) {
      row.put("capacity", limit);
    } else if (limit != null && capacity > limit) {
      throw Rows.unprocessable("CAPACITY_OVER_PLACE", "capacity", "may not exceed the " + place + "'s " + limit);
    }
    Integer booked = (Integer) row.get("booked");
    if (booked != null && (Integer) row.get("capacity") < booked) {
      throw AppException.conflict("CAPACITY_BELOW_BOOKED", "capacity",
          "may not go below the " + booked + " people already booked");
    }
  }
}
