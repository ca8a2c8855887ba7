package fr.parcours.stand;

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

  /** One drawing per zone that has spots, in the zones' order (the programme document's {@code zones}). */
  public static JsonArray build(JsonArray spots, JsonArray zones, Set<String> taken) {
    JsonArray drawings = new JsonArray();
    zones.stream().map(JsonObject.class::cast).forEach(zone -> {
      List<JsonObject> inZone = spots.stream().map(JsonObject.class::cast)
          .filter(spot -> zone.getString("slug").equals(spot.getString("zone"))).toList();
      if (!inZone.isEmpty()) {
        drawings.add(drawing(zone.getString("name"), inZone, taken));
      }
    });
    return drawings;
  }

  private static JsonObject drawing(String name, List<JsonObject> spots, Set<String> taken) {
    double width = spots.stream().mapToDouble(s -> s.getDouble("x") + s.getDouble("width")).max().orElse(0);
    double depth = spots.stream().mapToDouble(s -> s.getDouble("y") + s.getDouble("depth")).max().orElse(0);
    JsonArray shapes = new JsonArray();
    spots.forEach(spot -> shapes.add(shape(spot, taken.contains(spot.getString("number")))));
    return new JsonObject().put("name", name)
        .put("width", units(width + 2 * MARGIN_METRES)).put("height", units(depth + 2 * MARGIN_METRES))
        .put("spots", shapes)
        .put("free", spots.size() - spots.stream().filter(s -> taken.contains(s.getString("number"))).count());
  }

  private static JsonObject shape(JsonObject spot, boolean taken) {
    double x = spot.getDouble("x") + MARGIN_METRES;
    double y = spot.getDouble("y") + MARGIN_METRES;
    double w = spot.getDouble("width");
    double d = spot.getDouble("depth");
    return new JsonObject().put("number", spot.getString("number"))
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
