package fr.parcours.web;

import fr.parcours.error.AppException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aHundredThousandFaultyItemsAreRefusedAtTheListsLengthInLinearTime() {
    JsonArray slots = new JsonArray();
    for (int i = 0; i < 100_000; i++) {
      slots.add(new JsonObject());
    }
    long started = System.nanoTime();
    JsonInput in = JsonInput.of(new JsonObject().put("slots", slots));
    in.objectList("slots", false);
    AppException refused = assertThrows(AppException.class, in::validate);
    assertEquals(List.of("slots"), refused.details().stream().map(d -> d.field()).toList());
    assertEquals("must hold at most 200 items", refused.details().get(0).message());
    assertTrue(System.nanoTime() - started < 100_000_000L, "took over 100 ms");
  }

  @Test
  void namingEveryProblemOfTheLongestListStaysLinear() {
    JsonArray slots = new JsonArray();
    for (int i = 0; i < InputLimits.ITEMS; i++) {
      slots.add(new JsonObject());
    }
    JsonObject body = new JsonObject().put("slots", slots);
    long started = System.nanoTime();
    for (int round = 0; round < 100; round++) {
      JsonInput in = JsonInput.of(body);
      in.objectList("slots", false).forEach(slot -> {
        slot.requiredDateTime("starts_at");
        slot.requiredDateTime("ends_at");
        slot.requiredInt("capacity", 1);
      });
      assertEquals(3 * InputLimits.ITEMS, assertThrows(AppException.class, in::validate).details().size());
    }
    assertTrue(System.nanoTime() - started < 2_000_000_000L, "100 bodies of 600 problems took over 2 s");
  }

  @Test
  void everyTextHasItsFieldsMaximumAndNoNul() {
    JsonInput in = JsonInput.of(new JsonObject().put("name", "a".repeat(2800))
        .put("contact", new JsonObject().put("email", "b".repeat(250) + "@x.fr"))
        .put("description", "c".repeat(4000)).put("city", "Pau\u0000").put("trades", new JsonArray().add("d".repeat(201))));
    in.requiredText("name");
    in.requiredObject("contact").requiredText("email");
    assertEquals(4000, in.optionalText("description").length());
    in.requiredText("city");
    in.optionalTextList("trades");
    AppException refused = assertThrows(AppException.class, in::validate);
    assertEquals(List.of("name", "contact.email", "city", "trades[0]"),
        refused.details().stream().map(d -> d.field()).toList());
    assertEquals("must be at most 200 characters", refused.details().get(0).message());
    assertEquals("must be at most 254 characters", refused.details().get(1).message());
    assertEquals("must not contain a NUL character", refused.details().get(2).message());
  }

  @Test
  void numbersMustBeFiniteLengths() {
    JsonObject body = (JsonObject) io.vertx.core.json.Json.decodeValue("{\"x\": 1e400, \"y\": 1e6, \"width\": 2.5}");
    JsonInput in = JsonInput.of(body);
    in.requiredDecimal("x", 0);
    in.requiredDecimal("y", 0);
    assertEquals(2.5, in.requiredDecimal("width", 0.1));
    AppException refused = assertThrows(AppException.class, in::validate);
    assertEquals(List.of("x", "y"), refused.details().stream().map(d -> d.field()).toList());
    assertEquals("must be a finite number", refused.details().get(0).message());
  }
}
