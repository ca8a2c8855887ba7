package fr.parcours.web;

import fr.parcours.error.AppException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonInputTest {

  @Test
  void timeZonesMustBeRegionsBecauseOffsetsKnowNoSummerTime() {
    assertEquals(ZoneId.of("Europe/Paris"), JsonInput.of(new JsonObject().put("tz", "Europe/Paris")).requiredZone("tz"));
    for (String offset : new String[] {"+01:00", "Z", "UTC+01:00", "Mars/Olympus"}) {
      JsonInput in = JsonInput.of(new JsonObject().put("tz", offset));
      in.requiredZone("tz");
      AppException refused = assertThrows(AppException.class, in::validate, offset);
      assertEquals("tz", refused.details().get(0).field());
    }
  }

  @Test
  void everyProblemIsNamedAtOnceWithNestedPaths() {
    JsonInput in = JsonInput.of(new JsonObject().put("pupils", "twelve").put("school", new JsonObject()));
    in.requiredInt("pupils", 1);
    in.requiredObject("school").requiredText("uai");
    in.requiredTime("arrival");
    AppException refused = assertThrows(AppException.class, in::validate);
    assertEquals(3, refused.details().size());
    assertEquals("school.uai", refused.details().get(1).field());
  }

  @Test
  void booleansAndTextListsAreCheckedItemByItem() {
    JsonInput in = JsonInput.of(new JsonObject().put("screen", true).put("power", "yes")
        .put("trades", new JsonArray().add(" Juriste ").add(3).add(" ")));
    assertEquals(true, in.optionalBoolean("screen"));
    assertEquals(null, in.optionalBoolean("absent"));
    in.optionalBoolean("power");
    assertEquals(List.of("Juriste"), in.optionalTextList("trades"));
    assertEquals(null, in.optionalTextList("none"));
    AppException refused = assertThrows(AppException.class, in::validate);
    assertEquals(List.of("power", "trades[1]", "trades[2]"),
        refused.details().stream().map(d -> d.field()).toList());
  }
}
