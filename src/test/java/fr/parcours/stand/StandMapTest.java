package fr.parcours.stand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StandMapTest {

  private static final JsonArray SPOTS = new JsonArray()
      .add(spot("1", "village", 0, 0)).add(spot("2", "village", 4, 0)).add(spot("3", "hall", 0, 0));

  @Test
  void eachZoneIsDrawnToScaleWithAMargin() {
    JsonObject village = StandMap.build(SPOTS, zones(), Set.of()).getJsonObject(0);
    assertEquals("Village", village.getString("name"));
    // Spots span 7 m × 2 m, plus half a metre all round.
    assertEquals(8 * StandMap.SCALE, village.getDouble("width"));
    assertEquals(3 * StandMap.SCALE, village.getDouble("height"));
    JsonObject second = village.getJsonArray("spots").getJsonObject(1);
    assertEquals(4.5 * StandMap.SCALE, second.getDouble("x"));
    assertEquals(3 * StandMap.SCALE, second.getDouble("w"));
    assertEquals(6 * StandMap.SCALE, second.getDouble("cx"));
  }

  @Test
  void takenSpotsAreMarkedAndCounted() {
    JsonArray drawings = StandMap.build(SPOTS, zones(), Set.of("2"));
    JsonObject village = drawings.getJsonObject(0);
    assertEquals("taken", village.getJsonArray("spots").getJsonObject(1).getString("state"));
    assertEquals(1L, village.getLong("free"));
    assertEquals(2, drawings.size(), "one drawing per zone with spots");
  }

  private static JsonArray zones() {
    return new JsonArray().add(new JsonObject().put("slug", "village").put("name", "Village"))
        .add(new JsonObject().put("slug", "empty").put("name", "Empty"))
        .add(new JsonObject().put("slug", "hall").put("name", "Hall"));
  }

  private static JsonObject spot(String number, String zone, double x, double y) {
    return new JsonObject().put("number", number).put("zone", zone).put("x", x).put("y", y)
        .put("width", 3.0).put("depth", 2.0);
  }
}
