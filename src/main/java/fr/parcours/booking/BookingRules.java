package fr.parcours.booking;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.SchoolLevels;
import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * A fair's booking rules: supervision (at least one adult per {@code pupilsPerAdult} pupils,
 * {@value #DEFAULT_PUPILS_PER_ADULT} unless the organiser says otherwise, none when lifted), the
 * school levels a class may be of, and what one school (by UAI) may take, overall or per track.
 */
public record BookingRules(Integer pupilsPerAdult, List<String> levels, Integer maxPupilsPerSchool,
                           Integer maxClassesPerSchool, Integer maxPupilsPerSchoolPerTrack,
                           Integer maxClassesPerSchoolPerTrack) {

  /** French schools' usual rule for an outing: one adult for 15 pupils. */
  public static final int DEFAULT_PUPILS_PER_ADULT = 15;
  /** The levels an orientation fair receives, from collège to lycée, as teachers write them. */
  public static final List<String> DEFAULT_LEVELS = SchoolLevels.ALL;
  /** A fair whose organiser set no rule. */
  public static final BookingRules DEFAULT = new BookingRules(DEFAULT_PUPILS_PER_ADULT, DEFAULT_LEVELS,
      null, null, null, null);

  public BookingRules {
    levels = levels == null || levels.isEmpty() ? DEFAULT_LEVELS : List.copyOf(levels);
  }

  /**
   * Reads a PUT body. An absent {@code pupils_per_adult} keeps the default ratio and a null one
   * lifts it; absent {@code levels} are the default list; any other absent or null field lifts
   * that rule.
   */
  public static BookingRules parse(JsonInput in) {
    Integer ratio = in.has("pupils_per_adult") ? in.optionalInt("pupils_per_adult", 1) : Integer.valueOf(DEFAULT_PUPILS_PER_ADULT);
    BookingRules rules = new BookingRules(ratio, in.optionalTextList("levels"),
        in.optionalInt("max_pupils_per_school", 1), in.optionalInt("max_classes_per_school", 1),
        in.optionalInt("max_pupils_per_school_per_track", 1), in.optionalInt("max_classes_per_school_per_track", 1));
    in.validate();
    return rules;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("pupils_per_adult", pupilsPerAdult)
        .put("levels", new JsonArray(levels))
        .put("max_pupils_per_school", maxPupilsPerSchool)
        .put("max_classes_per_school", maxClassesPerSchool)
        .put("max_pupils_per_school_per_track", maxPupilsPerSchoolPerTrack)
        .put("max_classes_per_school_per_track", maxClassesPerSchoolPerTrack);
  }

  /** Whether any cap limits what one school takes: only then must a school's bookings wait for each other. */
  public boolean capsSchools() {
    return maxPupilsPerSchool != null || maxClassesPerSchool != null || maxPupilsPerSchoolPerTrack != null
        || maxClassesPerSchoolPerTrack != null;
  }

  /** How many more adults the class needs to meet the ratio (0 when it does). */
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

  /** Refuses a class of a level the fair does not receive. */
  public void requireLevel(String level) {
    if (!levels.contains(level)) {
      throw AppException.unprocessable("UNKNOWN_LEVEL", "class.level", Map.of("levels", levels));
    }
  }
}
