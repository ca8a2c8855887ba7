package fr.parcours.association;

import fr.parcours.error.FieldError;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class OfferFormTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void theFormBecomesTheApisBodyWithBlankRowsLeftOutAndLocalTimesInTheFairsZone() {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("kind", "talk").add("theme", "s-orienter")
        .add("title", " La mer ").add("people", "2").add("duration_minutes", "").add("trades", "Marin\n\n Océanographe ")
        .add("needs.power", "yes").add("needs.tables", "3")
        .add("window_day", "2027-03-18").add("window_start", "").add("window_end", "")
        .add("window_day", "2027-07-01").add("window_start", "09:00").add("window_end", "12:30");
    JsonObject body = OfferForm.body(form, OfferForm.windows(form), PARIS);
    assertEquals("La mer", body.getString("title"));
    assertEquals(2, body.getInteger("people"));
    assertFalse(body.containsKey("duration_minutes"), "a talk left blank lasts 30 minutes");
    assertNull(body.getString("description"));
    assertEquals(new JsonArray().add(new JsonObject().put("starts_at", "2027-07-01T09:00:00+02:00")
        .put("ends_at", "2027-07-01T12:30:00+02:00")), body.getJsonArray("availability"));
    assertEquals(new JsonArray().add("Marin").add("Océanographe"), body.getJsonArray("trades"));
    assertEquals(new JsonObject().put("tables", 3).put("power", true).put("screen", false), body.getJsonObject("needs"));
  }

  @Test
  void windowErrorsGoToTheirRowAndUnderOneFieldInTheList() {
    List<FieldError> errors = List.of(FieldError.of("availability[1].starts_at", "OUTSIDE_OPENING_HOURS"),
        FieldError.of("availability[1].ends_at", "NOT_TIME"), FieldError.of("title", "REQUIRED"));
    assertEquals(Map.of(1, "doit tomber pendant les heures d'ouverture d'un jour du salon ; doit être une heure au format 09:30"),
        OfferForm.rowErrors(errors, "fr"));
    assertEquals(List.of("availability", "availability", "title"),
        OfferForm.pageErrors(errors).stream().map(FieldError::field).toList());
  }

  @Test
  void aPageDrawsAtLeastTwoRowsAndAlwaysASpareOne() {
    OfferForm.Window blank = new OfferForm.Window("", "", "");
    OfferForm.Window morning = new OfferForm.Window("2027-03-18", "09:00", "12:00");
    assertEquals(List.of(blank, blank), OfferForm.rows(List.of()));
    assertEquals(List.of(morning, blank), OfferForm.rows(List.of(blank, morning)));
    assertEquals(List.of(morning, morning, blank), OfferForm.rows(List.of(morning, morning)));
  }
}
