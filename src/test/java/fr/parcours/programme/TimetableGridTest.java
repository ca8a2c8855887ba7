package fr.parcours.programme;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimetableGridTest {

  private static final JsonObject MESSAGES = new JsonObject().put("programme_other", "Hors parcours")
      .put("kind_talk", "Conférence");
  private final Programme programme = ProgrammeSamples.small();

  @Test
  void roomsAcrossAndStartTimesDown() {
    JsonObject grid = build("");
    assertEquals(new JsonArray(List.of("Amphithéâtre", "Salle atelier", "Village")), grid.getJsonArray("columns"));
    JsonArray rows = day(grid).getJsonArray("rows");
    assertEquals(List.of("09:00", "09:40"), rows.stream().map(r -> ((JsonObject) r).getString("time")).toList());
    assertEquals("jeudi 18 mars 2027", day(grid).getString("label"));
    assertEquals("Après la 3e", cell(rows, 0, 0).getJsonObject(0).getString("title"));
    assertTrue(cell(rows, 0, 2).isEmpty(), "nothing at the stands at 09:00");
  }

  @Test
  void tracksAcrossPutSessionsOfNoTrackInAColumnOfTheirOwn() {
    JsonObject grid = build("by=track");
    assertEquals(new JsonArray(List.of("S'orienter", "Se connaître", "Hors parcours")), grid.getJsonArray("columns"));
    assertEquals("Stands", cell(day(grid).getJsonArray("rows"), 1, 2).getJsonObject(0).getString("title"));
  }

  @Test
  void aCardSaysPlacesLeftAndWhetherItIsFull() {
    JsonArray rows = day(build("")).getJsonArray("rows");
    JsonObject talk = cell(rows, 0, 0).getJsonObject(0);
    assertEquals(60, talk.getInteger("left"));
    assertEquals("Conférence", talk.getString("kind_label"));
    assertEquals("#1565c0", talk.getString("color"));
    assertTrue(cell(rows, 0, 1).getJsonObject(0).getBoolean("full"));
  }

  @Test
  void filtersKeepOnlyTheirTrackKindAndLevelAndDropEmptyColumns() {
    JsonObject grid = build("track=s-orienter&kind=talk");
    assertEquals(new JsonArray(List.of("Amphithéâtre")), grid.getJsonArray("columns"));
    assertEquals(2, day(grid).getJsonArray("rows").size());

    // A session of no level suits every level; one for 3e only is hidden from 2nde.
    JsonArray secondes = day(build("level=2nde")).getJsonArray("rows");
    assertTrue(cell(secondes, 1, 0).isEmpty(), "the 09:40 talk is for 3e");
    assertEquals(1, cell(secondes, 1, 2).size(), "time at the stands suits every level");
    assertEquals(1, cell(day(build("level=3e")).getJsonArray("rows"), 1, 0).size());
    assertTrue(build("track=no-such-track").getBoolean("empty"));
  }

  private JsonObject build(String query) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        params.add(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return TimetableGrid.build(programme, ProgrammeFilter.of(params), MESSAGES, Locale.FRENCH);
  }

  private static JsonObject day(JsonObject grid) {
    return grid.getJsonArray("days").getJsonObject(0);
  }

  private static JsonArray cell(JsonArray rows, int row, int column) {
    return rows.getJsonObject(row).getJsonArray("cells").getJsonObject(column).getJsonArray("sessions");
  }
}
