package fr.parcours.admin;

import fr.parcours.programme.ProgrammeSamples;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FlowChartTest {

  @Test
  void peopleExpectedInEachPlaceAtEachSlot() {
    var programme = ProgrammeSamples.small();
    TimeAxis axis = TimeAxis.of(programme.sessions());
    assertArrayEquals(new int[] {40, 0}, FlowChart.series(axis, programme.sessions(), "amphi"));
    assertArrayEquals(new int[] {30, 0}, FlowChart.series(axis, programme.sessions(), "atelier"));
    assertArrayEquals(new int[] {0, 12}, FlowChart.series(axis, programme.sessions(), "village"));
  }

  @Test
  void eachStripIsScaledToItsPlacesCapacity() {
    JsonArray strips = FlowChart.build(ProgrammeSamples.small()).getJsonArray("strips");
    assertEquals(3, strips.size());
    JsonObject atelier = strips.getJsonObject(1);
    assertEquals("Salle atelier", atelier.getString("name"));
    assertEquals(30, atelier.getInteger("peak"));
    assertEquals(30, atelier.getInteger("capacity"));
    JsonObject full = atelier.getJsonArray("bars").getJsonObject(0);
    // A full room's bar reaches the capacity line.
    assertEquals(atelier.getInteger("cap_y"), full.getInteger("y"));
    assertFalse(full.getBoolean("over"));
    JsonObject amphi = strips.getJsonObject(0).getJsonArray("bars").getJsonObject(0);
    assertEquals((int) Math.round((FlowChart.STRIP_HEIGHT - 10) * 0.4), amphi.getInteger("h"));
  }
}
