package fr.parcours.live;

import io.vertx.core.json.JsonObject;

import java.util.Locale;

/**
 * One change published on {@link LiveChanges#ADDRESS}: its fair ({@code null} for a resync) and
 * its kind. See the package documentation for what each kind covers.
 */
public record Change(Long fairId, Kind kind) {

  /** What changed; the names are the payload's {@code kind} values, lower case. */
  public enum Kind {
    PROGRAMME, AVAILABILITY, SELECTION, STANDS, ARRIVALS, RESYNC;

    /** The payload's name of the kind, which prepared answers follow ({@code PreparedCache}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final Change RESYNC = new Change(null, Kind.RESYNC);

  /** Reads a payload sent by the database triggers or published on the event bus. */
  public static Change of(JsonObject json) {
    return new Change(json.getLong("fair_id"), Kind.valueOf(json.getString("kind").toUpperCase()));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("kind", kind.label());
    return fairId == null ? json : json.put("fair_id", fairId);
  }

  /** Whether this change may alter what {@code fair} shows (a resync concerns every fair). */
  public boolean concerns(long fair) {
    return fairId == null || fairId == fair;
  }
}
