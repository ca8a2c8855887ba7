package fr.parcours.stand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StandChoiceTest {

  private static final LocalDate DAY = LocalDate.parse("2027-03-18");

  @Test
  void aWholeDayNeedsBothHalvesFreeAndAHalfOnlyItself() {
    JsonObject map = new JsonObject().put("spots", new JsonArray()
        .add(spot("A1", "reserved", "free"))
        .add(spot("A2", "free", "reserved"))
        .add(spot("A3", "free", "free")));
    assertEquals(Set.of("A1", "A2"), StandChoice.taken(map, DAY, StandPeriod.DAY));
    assertEquals(Set.of("A1"), StandChoice.taken(map, DAY, StandPeriod.MORNING));
    assertEquals(Set.of("A2"), StandChoice.taken(map, DAY, StandPeriod.AFTERNOON));
    assertEquals(Set.of(), StandChoice.taken(map, DAY.plusDays(1), StandPeriod.DAY), "another day is all free");
  }

  private static JsonObject spot(String number, String morning, String afternoon) {
    return new JsonObject().put("number", number).put("periods", new JsonArray()
        .add(new JsonObject().put("day", DAY.toString()).put("period", "morning").put("state", morning))
        .add(new JsonObject().put("day", DAY.toString()).put("period", "afternoon").put("state", afternoon)));
  }
}
