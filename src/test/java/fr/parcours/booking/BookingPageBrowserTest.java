package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.List;

import static fr.parcours.booking.BookingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teacher's manage page in a real browser: read, change, refuse in place, cancel. */
class BookingPageBrowserTest extends BookingBrowserTest {

  @Test
  void theTeacherSeesTheRouteInFrenchAndCanReadItInEnglish() {
    JsonObject booking = book("page-read", "3e A");
    browser.get(booking.getString("manage_url"));

    assertEquals("Confirmée", text("status"));
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("3e A"));
    List<WebElement> steps = browser.findElements(By.cssSelector("#route tbody tr"));
    assertEquals(3, steps.size());
    assertTrue(steps.get(0).getText().startsWith("09:00 – 09:30"), steps.get(0).getText());
    assertTrue(browser.findElement(By.cssSelector("#calendar a")).getAttribute("href").startsWith("webcal://"));

    clickAndWaitForPage(By.linkText("English"));
    assertEquals("Confirmed", text("status"));
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
  }

  @Test
  void aChangeIsSavedAndARefusedOneKeepsTheRouteAndShowsWhy() {
    JsonObject booking = book("page-change", "3e B");
    browser.get(booking.getString("manage_url") + "?lang=fr");

    fill("pupils", "20");
    clickAndWaitForPage(By.id("change-submit"));
    assertEquals("Inscription mise à jour.", text("notice"));
    assertEquals("20", text("pupils"));

    fill("arrival", "12:00");
    fill("departure", "11:00");
    clickAndWaitForPage(By.id("change-submit"));
    WebElement errors = browser.findElement(By.id("errors"));
    assertEquals("departure", errors.findElement(By.cssSelector("li")).getAttribute("data-field"));
    assertTrue(errors.getText().contains("Départ du car"), "named as the form names it: " + errors.getText());
    assertEquals(3, browser.findElements(By.cssSelector("#route tbody tr")).size(), "the old route is kept");
    assertEquals("12:00", browser.findElement(By.name("arrival")).getAttribute("value"), "what was typed stays");
  }

  @Test
  void cancellingNeedsConfirmationThenFreesTheRoute() {
    JsonObject booking = book("page-cancel", "3e C");
    browser.get(booking.getString("manage_url") + "?lang=fr");

    browser.findElement(By.name("confirm")).click();
    clickAndWaitForPage(By.id("cancel-submit"));

    assertEquals("Annulée", text("status"));
    assertEquals("Inscription annulée.", text("notice"));
    assertTrue(browser.findElements(By.id("cancel-form")).isEmpty());
    assertFalse(browser.findElements(By.id("route-none")).isEmpty());
  }

  @Test
  void anUnknownLinkIsAFriendly404() {
    browser.get(app.config().publicUrl() + "/manage/no-such-token?lang=fr");
    assertEquals("Page introuvable", browser.findElement(By.tagName("h1")).getText());
    browser.get(app.config().publicUrl() + "/no/such/page");
    assertEquals("Page introuvable", browser.findElement(By.tagName("h1")).getText(), "a page, not JSON, for browsers");
  }

  private JsonObject book(String fairSlug, String className) {
    Fair fair = BookingFixtures.fair(app, fairSlug, 60);
    return api.book(fair.slug(), request("0330023A", className, 25, 2)).bodyAsJsonObject();
  }

  /** Sets a field as typing would; time inputs take their value directly (typing is locale-bound). */
  private void fill(String name, String value) {
    WebElement input = browser.findElement(By.name(name));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }
}
