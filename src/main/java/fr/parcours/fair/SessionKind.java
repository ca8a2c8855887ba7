package fr.parcours.fair;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a session is. The one list of kinds: the API, the forms, the filters, the database's
 * {@code session_kinds} (filled at start) and the served openapi.yaml read it. Adding a kind is a
 * constant here and its {@code kind_<name>} in both message files (SessionKindTest). Time at the
 * stands belongs to a zone, not to a track, and is not booked.
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
