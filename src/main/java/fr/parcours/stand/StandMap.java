package fr.parcours.stand;

import fr.parcours.fair.resource.FairProgramme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stand spots of each zone as a drawing: metres scaled to SVG units, each spot free or
 * taken. The template only draws what this computes, so every text in it stays escaped.
 * A spot is taken when an association holds it (confirmed) for some period of the fair.
 */
public final class StandMap {

  /** SVG units per metre, so that a spot's number fits in a 3 m × 2 m rectangle. */
  static final double SCALE = 24;
  private static final double MARGIN_METRES = 0.5;

  private StandMap() {
  }

  /** One drawing per zone that has spots, in the zones' order (the programme's). */
  public static JsonArray build(List<FairProgramme.StandSpot> spots, List<FairProgramme.Zone> zones,
                                Set<String> taken) {
    JsonArray drawings = new JsonArray();
    zones.forEach(zone -> {
      List<FairProgramme.StandSpot> inZone = spots.stream().filter(spot -> zone.slug().equals(spot.zone())).toList();
      if (!inZone.isEmpty()) {
        drawings.add(drawing(zone.name(), inZone, taken));
      }
    });
    return drawings;
  }

  private static JsonObject drawing(String name, List<FairProgramme.StandSpot> spots, Set<String> taken) {
    double width = spots.stream().mapToDouble(s -> s.x() + s.width()).max().orElse(0);
    double depth = spots.stream().mapToDouble(s -> s.y() + s.depth()).max().orElse(0);
    JsonArray shapes = new JsonArray();
    spots.forEach(spot -> shapes.add(shape(spot, taken.contains(spot.number()))));
    return new JsonObject().put("name", name)
        .put("width", units(width + 2 * MARGIN_METRES)).put("height", units(depth + 2 * MARGIN_METRES))
        .put("spots", shapes)
        .put("free", spots.size() - spots.stream().filter(s -> taken.contains(s.number())).count());
  }

  private static JsonObject shape(FairProgramme.StandSpot spot, boolean taken) {
    double x = spot.x() + MARGIN_METRES;
    double y = spot.y() + MARGIN_METRES;
    double w = spot.width();
    double d = spot.depth();
    return new JsonObject().put("number", spot.number())
        .put("x", units(x)).put("y", units(y)).put("w", units(w)).put("h", units(d))
        .put("cx", units(x + w / 2)).put("cy", units(y + d / 2))
        .put("state", taken ? "taken" : "free").put("taken", taken);
  }

  /**
   * Names who holds each taken spot on drawings already built: the public map says which
   * association stands where (its name only, never its contact).
   */
  public static JsonArray withHolders(JsonArray drawings, Map<String, String> holders) {
    drawings.forEach(drawing -> ((JsonObject) drawing).getJsonArray("spots").forEach(spot -> {
      JsonObject s = (JsonObject) spot;
      s.put("holder", holders.get(s.getString("number")));
    }));
    return drawings;
  }

  private static double units(double metres) {
    return Math.round(metres * SCALE * 10) / 10.0;
  }
}
