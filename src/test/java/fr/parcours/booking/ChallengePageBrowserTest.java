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
    assertTrue(error.getText().contains("no room left"), error.getText());
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

  private static JsonObject untilThree(JsonObject request) {
    return request.put("departure", "15:00");
  }

  /** One challenge with a slot for one class and one for two (14 January 2027, Paris time). */
  private static JsonObject challenge(BookingFixtures.Fair fair) {
    JsonObject body = new JsonObject().put("title", "Défi robotique").put("description", "Programmer un robot")
        .put("slots", new JsonArray(List.of(slot("14:00", "14:20", 1), slot("14:30", "14:50", 2))));
    HttpResponse<Buffer> created = TestApp.send(TestApp.authorized(
        app.client().post("/api/fairs/" + fair.slug() + "/challenges"), fair.ownerToken()), body);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject();
  }

  private static JsonObject slot(String start, String end, int classes) {
    return new JsonObject().put("starts_at", "2027-01-14T" + start + ":00+01:00")
        .put("ends_at", "2027-01-14T" + end + ":00+01:00").put("capacity", classes).put("unit", "classes");
  }
}
