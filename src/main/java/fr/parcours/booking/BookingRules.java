package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * A fair's booking rules, each optional: supervision (at least one adult per
 * {@code pupilsPerAdult} pupils) and what one school (by UAI) may take, overall or per track.
 */
public record BookingRules(Integer pupilsPerAdult, Integer maxPupilsPerSchool, Integer maxClassesPerSchool,
                           Integer maxPupilsPerSchoolPerTrack, Integer maxClassesPerSchoolPerTrack) {

  public static final BookingRules NONE = new BookingRules(null, null, null, null, null);

  /** Reads a PUT body; an absent or null field lifts that rule. */
  public static BookingRules parse(JsonInput in) {
    BookingRules rules = new BookingRules(in.optionalInt("pupils_per_adult", 1),
        in.optionalInt("max_pupils_per_school", 1), in.optionalInt("max_classes_per_school", 1),
        in.optionalInt("max_pupils_per_school_per_track", 1), in.optionalInt("max_classes_per_school_per_track", 1));
    in.validate();
    return rules;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("pupils_per_adult", pupilsPerAdult)
        .put("max_pupils_per_school", maxPupilsPerSchool)
        .put("max_classes_per_school", maxClassesPerSchool)
        .put("max_pupils_per_school_per_track", maxPupilsPerSchoolPerTrack)
        .put("max_classes_per_school_per_track", maxClassesPerSchoolPerTrack);
  }

  /** How many more adults the class needs to meet the ratio (0 when it does). */
  /** Whether any cap limits what one school takes: only then must a school's bookings wait for each other. */
  public boolean capsSchools() {
    return maxPupilsPerSchool != null || maxClassesPerSchool != null || maxPupilsPerSchoolPerTrack != null
        || maxClassesPerSchoolPerTrack != null;
  }

  public int missingAdults(int pupils, int adults) {
    if (pupilsPerAdult == null) {
      return 0;
    }
    int required = (pupils + pupilsPerAdult - 1) / pupilsPerAdult;
    return Math.max(0, required - adults);
  }

  /** Refuses a class below the supervision ratio, saying how many adults are missing. */
  public void requireSupervision(int pupils, int adults) {
    int missing = missingAdults(pupils, adults);
    if (missing > 0) {
      throw AppException.unprocessable("TOO_FEW_ADULTS", "adults", Map.of("missing", missing, "ratio", pupilsPerAdult));
    }
  }
}
