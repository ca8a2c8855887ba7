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
   * and answers it with the activity key filled from the title when none is given.
   */
  static SessionRow complete(SessionRow row) {
    List<FieldError> errors = new ArrayList<>();
    if (!SessionKind.STAND_TIME.json().equals(row.kind()) && row.trackId() == null) {
      errors.add(FieldError.of("track", "TRACK_REQUIRED"));
    }
    if ((row.roomId() == null) == (row.zoneId() == null)) {
      errors.add(FieldError.of("room", "ROOM_OR_ZONE"));
    }
    if (!errors.isEmpty()) {
      throw AppException.unprocessable("SESSION_PLACEMENT", Map.of(), errors);
    }
    return row.activity() == null ? row.withActivity(Slugs.slugify(row.title())) : row;
  }

  /**
   * Defaults the capacity to the place's ({@code limit}, null when a zone sets none) and keeps
   * it within that limit and at or above the people already booked; answers it with that capacity.
   */
  static SessionRow fitCapacity(SessionRow row, Integer limit, String place) {
    Integer capacity = row.capacity();
    if (capacity == null && limit == null) {
      throw AppException.unprocessable("CAPACITY_REQUIRED", "capacity", Map.of());
    }
    if (capacity == null) {
      capacity = limit;
    } else if (limit != null && capacity > limit) {
      throw AppException.unprocessable("CAPACITY_OVER_PLACE", "capacity", Map.of("place", Term.of("thing." + place), "limit", limit));
    }
    Integer booked = row.booked();
    if (booked != null && capacity < booked) {
      throw AppException.conflict("CAPACITY_BELOW_BOOKED", "capacity", Map.of("booked", booked));
    }
    return row.withCapacity(capacity);
  }
}
