package fr.parcours.association;

import fr.parcours.fair.SessionKind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an association offers: a talk or a workshop becomes a session of that {@link SessionKind}
 * once placed; a stand is a presence in a zone, never placed in a room. Read like {@link SessionKind}:
 * the database's {@code offer_kinds} and the served openapi.yaml are filled from it.
 */
public enum OfferKind {
  TALK(SessionKind.TALK), WORKSHOP(SessionKind.WORKSHOP), STAND(null);

  /** The names in the API and the database, in this order. */
  public static final List<String> NAMES = Arrays.stream(values()).map(OfferKind::json).toList();

  /** The names of what is placed in a room, becoming a session. */
  public static final List<String> PLACED = Arrays.stream(values()).filter(kind -> kind.session != null)
      .map(OfferKind::json).toList();

  private final SessionKind session;

  OfferKind(SessionKind session) {
    this.session = session;
  }

  /** The kind of the session it becomes when placed; empty for what is never placed. */
  public Optional<SessionKind> session() {
    return Optional.ofNullable(session);
  }

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a stored or validated name. */
  public static OfferKind ofJson(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
