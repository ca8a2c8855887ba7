package fr.parcours.booking;

import fr.parcours.error.AppException;

import java.util.Map;

/**
 * Fairness between schools: a booking may not take a school past a cap of its fair's rules.
 * Waiting bookings count too, so that one school cannot fill the waiting list either.
 */
public final class SchoolCaps {

  /** What a school already holds on one track: classes and pupils. */
  public record Usage(int classes, int pupils) {
    static final Usage NONE = new Usage(0, 0);

    Usage plus(Usage other) {
      return new Usage(classes + other.classes, pupils + other.pupils);
    }
  }

  private SchoolCaps() {
  }

  /** Throws SCHOOL_CAP_REACHED when one more class of {@code pupils} would pass a cap. */
  public static void check(BookingRules rules, Map<Long, Usage> usageByTrack, long trackId, int pupils) {
    Usage added = new Usage(1, pupils);
    Usage overall = usageByTrack.values().stream().reduce(Usage.NONE, Usage::plus).plus(added);
    Usage track = usageByTrack.getOrDefault(trackId, Usage.NONE).plus(added);
    refuseOver(rules.maxClassesPerSchool(), overall.classes(), "class", "classes", "fair");
    refuseOver(rules.maxPupilsPerSchool(), overall.pupils(), "pupils", "pupils", "fair");
    refuseOver(rules.maxClassesPerSchoolPerTrack(), track.classes(), "track", "classes", "track");
    refuseOver(rules.maxPupilsPerSchoolPerTrack(), track.pupils(), "pupils", "pupils", "track");
  }

  /** {@code counted} is classes or pupils, {@code scope} the fair or the track. */
  private static void refuseOver(Integer cap, int wanted, String field, String counted, String scope) {
    if (cap != null && wanted > cap) {
      throw AppException.conflict("SCHOOL_CAP_REACHED", field,
          Map.of("cap", cap, "wanted", wanted, "counted", counted, "scope", scope));
    }
  }
}
