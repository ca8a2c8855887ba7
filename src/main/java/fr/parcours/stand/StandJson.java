package fr.parcours.stand;

import fr.parcours.fair.Fair;
import fr.parcours.fair.FairDay;
import fr.parcours.fair.FairTimes;
import fr.parcours.fair.Interval;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of stand reservations and of the public stand map. */
final class StandJson {

  private StandJson() {
  }

  static JsonObject reservation(Reservation r, Fair fair) {
    JsonObject json = period(new JsonObject().put("id", r.id()).put("status", r.status()), fair, r.day(), r.period())
        .put("association", new JsonObject().put("slug", r.association().slug()).put("name", r.association().name()))
        .put("spot", r.spot() == null ? null : spot(r.spot()))
        .put("asked", asked(r));
    if (r.waitlistPosition() != null) {
      json.put("waitlist_position", r.waitlistPosition());
    }
    return json;
  }

  static JsonArray reservations(List<Reservation> reservations, Fair fair) {
    return new JsonArray(reservations.stream().map(r -> (Object) reservation(r, fair)).toList());
  }

  /**
   * Every spot with its state for each half-day of each fair day: free, or reserved by an
   * association (its name only: the map is public, contact data stays private).
   */
  static JsonObject map(Fair fair, List<Spot> spots, List<Reservation> confirmed) {
    JsonArray list = new JsonArray();
    spots.forEach(spot -> list.add(spot(spot).put("periods", halves(fair, spot, confirmed))));
    return new JsonObject().put("fair", fair.slug()).put("spots", list);
  }

  private static JsonArray halves(Fair fair, Spot spot, List<Reservation> confirmed) {
    JsonArray halves = new JsonArray();
    for (FairDay day : fair.days()) {
      for (StandPeriod half : StandPeriod.HALVES) {
        JsonObject state = period(new JsonObject(), fair, day.day(), half);
        Optional<Reservation> holder = confirmed.stream()
            .filter(r -> r.spot().id() == spot.id() && r.day().equals(day.day()) && r.period().overlaps(half))
            .findFirst();
        halves.add(holder.map(r -> state.put("state", "reserved").put("reserved_for", r.period().json())
                .put("association", new JsonObject().put("name", r.association().name())))
            .orElseGet(() -> state.put("state", "free")));
      }
    }
    return halves;
  }

  static JsonObject spot(Spot spot) {
    return new JsonObject().put("number", spot.number()).put("zone", spot.zone())
        .put("x", spot.x()).put("y", spot.y()).put("width", spot.width()).put("depth", spot.depth())
        .put("area", spot.area()).put("power", spot.power());
  }

  private static JsonObject asked(Reservation r) {
    if (r.wantedSpot() != null) {
      return new JsonObject().put("spot", r.wantedSpot());
    }
    SpotWish wish = r.wish();
    return new JsonObject().put("needs", new JsonObject().put("power", wish.power())
        .put("min_width", wish.minWidth()).put("min_depth", wish.minDepth()).put("zone", r.wantedZone()));
  }

  /** Day, period and, while the fair still runs that day, when the period starts and ends. */
  private static JsonObject period(JsonObject json, Fair fair, LocalDate day, StandPeriod period) {
    json.put("day", day.toString()).put("period", period.json());
    fair.days().stream().filter(d -> d.day().equals(day)).findFirst().ifPresent(fairDay -> {
      Interval times = period.on(fairDay, fair.zone());
      json.put("starts_at", FairTimes.format(times.start(), fair.zone()))
          .put("ends_at", FairTimes.format(times.end(), fair.zone()));
    });
    return json;
  }
}
