package fr.parcours.booking;

import fr.parcours.error.AppException;

import java.util.Map;
import java.util.Optional;

/**
 * Fairness between schools: a booking may not take a school past a cap of its fair's rules.
 * Waiting bookings count too, so that one school cannot fill the waiting list either.
 */
public final class SchoolCaps {

  /** What a school already holds on one track: classes and pupils. */
  public record Usage(int classes, int pupils) {
    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(Usage other) {
      return new Usage(classes + other.classes, pupils + other.pupils);
    }
  }

  private SchoolCaps() {
  }

  /** Throws SCHOOL_CAP_REACHED when one more class of {@code pupils} would pass a cap. */
  public static void check(BookingRules rules, Map<Long, Usage> usageByTrack, long trackId, int pupils) {
    refusal(rules, usageByTrack, trackId, pupils).ifPresent(refused -> {
      throw refused;
    });
  }

  /** The SCHOOL_CAP_REACHED refusal one more class of {@code pupils} would meet, if any. */
  public static Optional<AppException> refusal(BookingRules rules, Map<Long, Usage> usageByTrack, long trackId,
                                               int pupils) {
    Usage added = new Usage(1, pupils);
    Usage overall = usageByTrack.values().stream().reduce(Usage.NONE, Usage::plus).plus(added);
    Usage track = usageByTrack.getOrDefault(trackId, Usage.NONE).plus(added);
    return over(rules.maxClassesPerSchool(), overall.classes(), "class", "classes", "fair")
        .or(() -> over(rules.maxPupilsPerSchool(), overall.pupils(), "pupils", "pupils", "fair"))
        .or(() -> over(rules.maxClassesPerSchoolPerTrack(), track.classes(), "track", "classes", "track"))
        .or(() -> over(rules.maxPupilsPerSchoolPerTrack(), track.pupils(), "pupils", "pupils", "track"));
  }

  /** {@code counted} is classes or pupils, {@code scope} the fair or the track. */
  private static Optional<AppException> over(Integer cap, int wanted, String field, String counted, String scope) {
    if (cap == null || wanted <= cap) {
      return Optional.empty();
    }
    return Optional.of(AppException.conflict("SCHOOL_CAP_REACHED", field,
        Map.of("cap", cap, "wanted", wanted, "counted", counted, "scope", scope)));
  }
}
