package fr.parcours.admin;

import fr.parcours.programme.ProgrammeSamples;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatMapTest {

  @Test
  void aCellIsWhatIsBookedOverWhatIsOffered() {
    JsonObject map = HeatMap.build(ProgrammeSamples.small(), true);
    JsonArray rows = map.getJsonArray("rows");
    assertEquals(List.of("S'orienter", "Se connaître"), rows.stream().map(r -> ((JsonObject) r).getString("name")).toList(),
        "time at the stands belongs to no track");
    JsonObject talk = rows.getJsonObject(0).getJsonArray("cells").getJsonObject(0);
    assertEquals(40, talk.getInteger("percent"));
    assertEquals("09:00", talk.getString("time"));
    assertEquals(100, rows.getJsonObject(1).getJsonArray("cells").getJsonObject(0).getInteger("percent"));
  }

  @Test
  void byRoomEveryPlaceIsARowAndEmptySlotsHaveNoCell() {
    JsonArray rows = HeatMap.build(ProgrammeSamples.small(), false).getJsonArray("rows");
    assertEquals(3, rows.size());
    assertEquals(1, rows.getJsonObject(1).getJsonArray("cells").size(), "the atelier is used at 09:00 only");
    assertEquals(3, rows.getJsonObject(2).getJsonArray("cells").getJsonObject(0).getInteger("percent"));
  }

  @Test
  void fiveColourBlindSafeStepsWithTextThatReadsOnThem() {
    assertEquals(0, HeatMap.percent(0, 0));
    assertEquals(99, HeatMap.percent(299, 300), "rounded down: 100 % means full");
    assertEquals("#ffffcc", HeatMap.step(0).fill());
    assertEquals("#a1dab4", HeatMap.step(20).fill());
    assertEquals("#0c2c84", HeatMap.step(100).fill());
    assertEquals("#ffffff", HeatMap.step(100).text());
    JsonArray legend = HeatMap.build(ProgrammeSamples.small(), true).getJsonArray("legend");
    assertEquals("0–19 %", legend.getJsonObject(0).getString("label"));
    assertEquals("80–100 %", legend.getJsonObject(4).getString("label"));
  }

  @Test
  void cellsSitInTheirColumn() {
    JsonObject map = HeatMap.build(ProgrammeSamples.small(), false);
    JsonObject stands = map.getJsonArray("rows").getJsonObject(2).getJsonArray("cells").getJsonObject(0);
    assertEquals(TimeAxis.LABEL_WIDTH + TimeAxis.COLUMN_WIDTH + 1, stands.getInteger("x"));
    assertTrue(map.getInteger("width") > stands.getInteger("x") + stands.getInteger("w"));
  }
}
