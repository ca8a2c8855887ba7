package fr.parcours.stand;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the association's stand map shows for the period it looks at: a spot is taken when
 * someone holds it for a half-day the period covers (a whole day covers both halves).
 */
final class StandChoice {

  private StandChoice() {
  }

  /** The numbers of the spots taken on {@code day} for {@code period}, read from the public map. */
  static Set<String> taken(JsonObject map, LocalDate day, StandPeriod period) {
    return map.getJsonArray("spots").stream().map(JsonObject.class::cast)
        .filter(spot -> spot.getJsonArray("periods").stream().map(JsonObject.class::cast)
            .anyMatch(half -> day.toString().equals(half.getString("day"))
                && period.overlaps(StandPeriod.of(half.getString("period")))
                && "reserved".equals(half.getString("state"))))
        .map(spot -> spot.getString("number"))
        .collect(Collectors.toSet());
  }
}
