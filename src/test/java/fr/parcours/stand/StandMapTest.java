package fr.parcours.stand;

import fr.parcours.fair.resource.FairProgramme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StandMapTest {

  private static final List<FairProgramme.StandSpot> SPOTS =
      List.of(spot("1", "village", 0, 0), spot("2", "village", 4, 0), spot("3", "hall", 0, 0));

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

  private static List<FairProgramme.Zone> zones() {
    return List.of(new FairProgramme.Zone(1, "village", "Village", null, null),
        new FairProgramme.Zone(2, "empty", "Empty", null, null), new FairProgramme.Zone(3, "hall", "Hall", null, null));
  }

  private static FairProgramme.StandSpot spot(String number, String zone, double x, double y) {
    return new FairProgramme.StandSpot(Long.parseLong(number), number, zone, x, y, 3.0, 2.0, false);
  }
}
