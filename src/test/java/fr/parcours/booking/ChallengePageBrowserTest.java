package fr.parcours.booking;

import fr.parcours.support.Screenshots;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

import static fr.parcours.booking.BookingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teacher picks a challenge (défi) on the manage page: saved, shown in the route and the print view, a full slot refused beside it. */
class ChallengePageBrowserTest extends BookingBrowserTest {

  @Test
  void aTeacherPicksAChallengeSlotAndAFullOneIsRefusedNextToIt() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-page", 60);
    JsonObject challenge = challenge(fair);
    long challengeId = challenge.getLong("id");
    long small = challenge.getJsonArray("slots").getJsonObject(0).getLong("id");
    long large = challenge.getJsonArray("slots").getJsonObject(1).getLong("id");
    JsonObject first = api.book(fair.slug(), untilThree(request("0330031A", "3e Défi", 25, 2))).bodyAsJsonObject();
    JsonObject second = api.book(fair.slug(), untilThree(request("0330032B", "4e Défi", 24, 2))).bodyAsJsonObject();

    browser.get(first.getString("manage_url") + "?lang=fr");
    browser.findElement(By.id("slot-" + small)).click();
    clickAndWaitForPage(By.id("challenge-submit"));
    assertEquals("Défi enregistré.", browser.findElement(By.id("notice")).getText());
    assertTrue(browser.findElement(By.id("challenge-pick")).getText().contains("Défi robotique · 14:00 – 14:20"));
    assertTrue(browser.findElement(By.id("slot-" + small)).isSelected());
    browser.get(first.getString("manage_url") + "/print?lang=fr");
    assertTrue(browser.findElement(By.id("challenge-pick")).getText().contains("Défi robotique"));

    browser.get(second.getString("manage_url") + "?lang=fr");
    browser.findElement(By.id("slot-" + small)).click();
    clickAndWaitForPage(By.id("challenge-submit"));
    WebElement error = browser.findElement(By.cssSelector("[data-challenge='" + challengeId + "'] #e-slot"));
    assertTrue(error.getText().contains("n'a plus de place"), error.getText());
    assertEquals("e-slot", browser.findElement(By.id("slot-" + small)).getAttribute("aria-describedby"));
    assertTrue(browser.findElement(By.id("slot-" + small)).isSelected(), "the refused choice stays checked");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('challenge').scrollIntoView()");
    Screenshots.save(browser, "teacher-challenge-full");

    browser.findElement(By.id("slot-" + large)).click();
    clickAndWaitForPage(By.id("challenge-submit"));
    assertTrue(browser.findElement(By.id("challenge-pick")).getText().contains("14:30 – 14:50"));
    clickAndWaitForPage(By.id("challenge-drop"));
    assertEquals("Défi abandonné.", browser.findElement(By.id("notice")).getText());
    assertTrue(browser.findElements(By.id("challenge-pick")).isEmpty());
  }

  @Test
  void aCancelledBookingSeesWhyItCannotPick() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-cancelled", 60);
    challenge(fair);
    JsonObject booking = api.book(fair.slug(), request("0330033C", "3e Annulée", 25, 2)).bodyAsJsonObject();
    browser.get(booking.getString("manage_url") + "?lang=fr");
    browser.findElement(By.name("confirm")).click();
    clickAndWaitForPage(By.id("cancel-submit"));
    assertTrue(browser.findElement(By.id("challenge-why")).getText().contains("annulée"));
    assertTrue(browser.findElements(By.id("challenge-form")).isEmpty());
  }

  @Test
  void aSlotAfterTheBusLeavesCannotBeTakenAndAGrowthPastTheSlotIsRefused() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-window-page", 60);
    JsonObject challenge = challenge(fair);
    long early = challenge.getJsonArray("slots").getJsonObject(0).getLong("id");
    long late = challenge.getJsonArray("slots").getJsonObject(1).getLong("id");
    JsonObject booking = api.book(fair.slug(), request("0330034D", "3e Car", 25, 2).put("departure", "14:25"))
        .bodyAsJsonObject();
    for (String language : List.of("fr", "en")) {
      browser.get(booking.getString("manage_url") + "?lang=" + language);
      assertFalse(browser.findElement(By.id("slot-" + late)).isEnabled(), "14:30 is after the bus leaves at 14:25");
      assertTrue(browser.findElement(By.id("slot-" + early)).isEnabled());
      String label = browser.findElement(By.cssSelector("label[for='slot-" + late + "']")).getText();
      assertTrue(label.contains(language.equals("fr") ? "hors de vos horaires" : "outside your time"), label);
    }
    ((JavascriptExecutor) browser).executeScript("document.getElementById('challenge').scrollIntoView()");
    Screenshots.save(browser, "teacher-challenge-outside-window");
  }

  @Test
  void aTamperedSlotOutsideTheWindowAndAGrowthPastTheSlotAreRefusedNextToTheirFields() {
    for (String language : List.of("fr", "en")) {
      boolean fr = language.equals("fr");
      BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-refus-" + language, 60);
      JsonObject challenge = challenge(fair, slot("14:00", "14:20", 30, "pupils"), slot("14:30", "14:50", 30, "pupils"));
      long early = challenge.getJsonArray("slots").getJsonObject(0).getLong("id");
      long late = challenge.getJsonArray("slots").getJsonObject(1).getLong("id");
      JsonObject booking = api.book(fair.slug(), request(fr ? "0330035E" : "0330036F", "3e Refus", 24, 2)
          .put("departure", "14:25")).bodyAsJsonObject();

      browser.get(booking.getString("manage_url") + "?lang=" + language);
      WebElement outside = browser.findElement(By.id("slot-" + late));
      ((JavascriptExecutor) browser).executeScript("arguments[0].disabled = false; arguments[0].click()", outside);
      clickAndWaitForPage(By.id("challenge-submit"));
      assertEquals(fr ? "Ce créneau de présentation tombe en dehors de l'arrivée et du départ de la classe."
              : "This presentation slot falls outside the class's arrival and departure.",
          browser.findElement(By.cssSelector("[data-challenge='" + challenge.getLong("id") + "'] #e-slot")).getText());
      assertEquals("e-slot", browser.findElement(By.id("slot-" + late)).getAttribute("aria-describedby"));
      assertTrue(browser.findElements(By.id("challenge-pick")).isEmpty(), "nothing was picked");
      ((JavascriptExecutor) browser).executeScript("document.getElementById('challenge').scrollIntoView()");
      Screenshots.save(browser, "teacher-challenge-outside-window-refused-" + language);

      browser.findElement(By.id("slot-" + early)).click();
      clickAndWaitForPage(By.id("challenge-submit"));
      assertEquals(fr ? "Défi enregistré." : "Challenge saved.", browser.findElement(By.id("notice")).getText());
      typeInto("pupils", "38");
      typeInto("adults", "3");
      clickAndWaitForPage(By.id("change-submit"));
      assertEquals(fr
              ? "Le créneau de défi de la classe n'a pas de place pour 38 élèves (30 au plus) : renoncez au défi ou changez de créneau d'abord."
              : "The class's challenge slot has no room for 38 pupils (30 at most): drop or change the pick first.",
          browser.findElement(By.id("e-pupils")).getText());
      assertEquals("e-pupils", browser.findElement(By.id("f-pupils")).getAttribute("aria-describedby"));
      assertEquals("38", browser.findElement(By.id("f-pupils")).getAttribute("value"), "what was typed stays");
      assertEquals("24", browser.findElement(By.id("pupils")).getText(), "the booking still holds 24 pupils");
      assertTrue(browser.findElement(By.id("challenge-pick")).getText().contains("14:00 – 14:20"));
      Screenshots.save(browser, "teacher-challenge-outgrown-" + language);
    }
  }

  @Test
  void aClassSentToTheWaitingListLosesItsPickAndIsToldWhy() {
    for (String language : List.of("fr", "en")) {
      BookingFixtures.Fair fair = BookingFixtures.fair(app, "defis-attente-" + language, 30);
      JsonObject challenge = challenge(fair, slot("10:30", "10:50", 90, "pupils"));
      long slot = challenge.getJsonArray("slots").getJsonObject(0).getLong("id");
      List<JsonObject> bookings = new ArrayList<>();
      for (String uai : List.of("0330037G", "0330038H", "0330039J")) {
        bookings.add(api.book(fair.slug(), request(uai, "3e " + uai, 23, 2).put("departure", "10:50")).bodyAsJsonObject());
      }
      JsonObject first = bookings.get(0);
      browser.get(first.getString("manage_url") + "?lang=" + language);
      browser.findElement(By.id("slot-" + slot)).click();
      clickAndWaitForPage(By.id("challenge-submit"));
      assertTrue(browser.findElement(By.id("challenge-pick")).getText().contains("10:30 – 10:50"));

      long session = api.show(first).bodyAsJsonObject().getJsonArray("route").getJsonObject(0).getLong("session");
      assertEquals(200, TestApp.send(TestApp.authorized(app.client().patch("/api/fairs/" + fair.slug() + "/sessions/"
          + session), fair.ownerToken()), new JsonObject().put("status", "cancelled")).statusCode());

      browser.get(first.getString("manage_url") + "?lang=" + language);
      assertTrue(browser.findElement(By.id("status")).getAttribute("class").contains("waitlisted"));
      assertTrue(browser.findElements(By.id("challenge-pick")).isEmpty(), "the waiting class keeps no pick");
      assertTrue(browser.findElements(By.id("challenge-form")).isEmpty());
      assertEquals(language.equals("fr")
              ? "La classe est en liste d'attente : elle pourra choisir un défi une fois son inscription confirmée."
              : "The class is on the waiting list: it can pick a challenge once its booking is confirmed.",
          browser.findElement(By.id("challenge-why")).getText());
      ((JavascriptExecutor) browser).executeScript("document.getElementById('challenge').scrollIntoView()");
      Screenshots.save(browser, "teacher-challenge-waitlisted-" + language);
    }
  }

  private void typeInto(String field, String value) {
    WebElement input = browser.findElement(By.id("f-" + field));
    input.clear();
    input.sendKeys(value);
  }

  private static JsonObject untilThree(JsonObject request) {
    return request.put("departure", "15:00");
  }

  /** One challenge with a slot for one class and one for two (14 January 2027, Paris time). */
  private static JsonObject challenge(BookingFixtures.Fair fair) {
    return challenge(fair, slot("14:00", "14:20", 1, "classes"), slot("14:30", "14:50", 2, "classes"));
  }

  private static JsonObject challenge(BookingFixtures.Fair fair, JsonObject... slots) {
    JsonObject body = new JsonObject().put("title", "Défi robotique").put("description", "Programmer un robot")
        .put("slots", new JsonArray(List.of((Object[]) slots)));
    HttpResponse<Buffer> created = TestApp.send(TestApp.authorized(
        app.client().post("/api/fairs/" + fair.slug() + "/challenges"), fair.ownerToken()), body);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject();
  }

  private static JsonObject slot(String start, String end, int capacity, String unit) {
    return new JsonObject().put("starts_at", "2027-01-14T" + start + ":00+01:00")
        .put("ends_at", "2027-01-14T" + end + ":00+01:00").put("capacity", capacity).put("unit", unit);
  }
}
