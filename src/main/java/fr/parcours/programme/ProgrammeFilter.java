package fr.parcours.programme;

import fr.parcours.fair.resource.ShownSession;
import io.vertx.core.MultiMap;

/**
 * What a visitor picked in the programme's filters (plain GET parameters, so they work without
 * script): a track, a school level, a kind of session, and whether columns are rooms or tracks.
 * An empty choice keeps everything.
 */
public record ProgrammeFilter(String track, String level, String kind, boolean byTrack) {

  public static ProgrammeFilter of(MultiMap query) {
    return new ProgrammeFilter(blankAsNull(query.get("track")), blankAsNull(query.get("level")),
        blankAsNull(query.get("kind")), "track".equals(query.get("by")));
  }

  /** A session with no level suits every level. */
  public boolean keeps(ShownSession session) {
    return (track == null || track.equals(session.track()))
        && (kind == null || kind.equals(session.kind()))
        && (level == null || session.level().isEmpty() || level.equals(session.level()));
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
