package fr.parcours.stand;

import fr.parcours.db.IdempotencyKeys;
import fr.parcours.web.JsonInput;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an association asks for, parsed at the edge: a day (optional when the fair has one), a
 * period, and either a spot by number or needs any spot may meet (none: any spot).
 */
record StandRequest(LocalDate day, StandPeriod period, String spot, Needs needs) {

  /** Needs of a stand: power, minimum width and depth in metres, a zone by slug; null is no need. */
  record Needs(boolean power, Double minWidth, Double minDepth, String zone) {
    static final Needs ANY = new Needs(false, null, null, null);
  }

  static StandRequest parse(JsonInput in) {
    LocalDate day = in.optionalDate("day");
    String period = in.requiredText("period");
    // Said as the form's choices are ("Matin"), not as the API's names; programs read the names in "values".
    in.check(period == null || StandPeriod.NAMES.contains(period), "period", "UNKNOWN_PERIOD",
        Map.of("values", String.join(", ", StandPeriod.NAMES)));
    String spot = in.optionalText("spot");
    JsonInput needsInput = in.optionalObject("needs");
    in.check(spot == null || needsInput == null, "needs", "SPOT_OR_NEEDS", Map.of());
    Needs needs = needsInput == null ? Needs.ANY : needs(needsInput);
    in.validate();
    return new StandRequest(day, StandPeriod.of(period), spot, needs);
  }

  private static Needs needs(JsonInput in) {
    Boolean power = in.optionalBoolean("power");
    return new Needs(Boolean.TRUE.equals(power), in.optionalDecimal("min_width", 0.1),
        in.optionalDecimal("min_depth", 0.1), in.optionalSlug("zone"));
  }

  /** The request in a fixed shape, whatever the JSON spelling: what a retry must repeat. */
  String fingerprint() {
    return IdempotencyKeys.fingerprint(new JsonObject()
        .put("day", day == null ? null : day.toString())
        .put("period", period.json())
        .put("spot", spot)
        .put("power", needs.power()).put("min_width", needs.minWidth()).put("min_depth", needs.minDepth())
        .put("zone", needs.zone())
        .encode());
  }
}
