package fr.parcours.fair;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a session is. The one list of kinds: the API, the forms and the filters read it; the
 * database's CHECK, openapi.yaml and both message files ({@code kind_<name>}) are held equal to
 * it by SessionKindTest. Time at the stands belongs to a zone, not to a track, and is not booked.
 */
public enum SessionKind {
  TALK, WORKSHOP, TESTIMONY, STAND_TIME;

  /** The names in the API and the database, in this order. */
  public static final List<String> NAMES = Arrays.stream(values()).map(SessionKind::json).toList();

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a stored or validated name. */
  public static SessionKind ofJson(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
