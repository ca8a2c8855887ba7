package fr.parcours.admin;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.Browser;
import fr.parcours.support.TestApp;
import io.vertx.core.json.JsonObject;
import fr.parcours.support.DemoBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import fr.parcours.support.Screenshots;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's organiser signs in and watches bookings, fill rates and flows on the dashboard. */
class DashboardBrowserTest extends DemoBrowserTest {

  private static final String EMAIL = "demo@parcours.local";
  private static final String PASSWORD = "parcours-demo";

  @BeforeAll
  static void classesBooked() {
    book("0330011A", "3e Montaigne", "s-orienter", 28, "09:00", "12:00");
    book("0330012B", "3e Mauriac", "s-orienter", 30, "09:00", "12:00");
    book("0330013C", "2nde Condorcet", "se-connaitre", 26, "09:00", "12:00");
    book("0330014D", "3e Cassin", "s-engager", 25, "13:30", "16:30");
    book("0330015E", "2nde Eiffel", "preserver-la-planete", 27, "13:30", "16:30");
    AssociationApi associations = AssociationApi.of(app, DEMO);
    reserveStand(associations.signedIn("Océan Propre", "ocean@asso.test"), "7", 201);
    // The same spot then: the second association waits for it.
    reserveStand(associations.signedIn("Les Petits Débrouillards", "debrouillards@asso.test"), "7", 201);
  }

  private static void reserveStand(String association, String spot, int status) {
    var response = TestApp.send(AssociationApi.as(app.client().post("/api/fairs/" + DEMO + "/stand-reservations"),
        association).putHeader("Idempotency-Key", spot + association), new JsonObject()
        .put("day", "2027-03-18").put("period", "morning").put("spot", spot));
    assertEquals(status, response.statusCode(), response.bodyAsString());
  }

  @Test
  void theOrganiserSignsInAndSeesTheBookingOnTheDashboard() {
    signIn(PASSWORD);
    Browser.clickAndWaitForPage(browser, By.id("dashboard-" + DEMO));

    WebElement bookings = browser.findElement(By.id("bookings"));
    assertTrue(bookings.getText().contains("Collège 3e Montaigne"), bookings.getText());
    assertEquals(String.valueOf(bookings.findElements(By.cssSelector("tbody tr")).size()),
        browser.findElement(By.id("total-classes")).getText());
    assertFalse(browser.findElements(By.cssSelector("#heatmap g.cell")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("#flows rect.bar")).isEmpty());
    assertEquals(5, browser.findElements(By.cssSelector("#heat-legend svg")).size());

    WebElement stands = browser.findElement(By.id("stand-reservations"));
    assertTrue(stands.getText().contains("Océan Propre"), stands.getText());
    assertEquals(1, stands.findElements(By.cssSelector("[data-status=confirmed]")).size());
    assertTrue(stands.findElement(By.cssSelector("[data-status=waiting]")).findElement(By.xpath("..")).getText()
        .contains("1"), "the waiting association shows its position");
    assertFalse(browser.findElements(By.cssSelector(".stand-map g.spot.taken")).isEmpty(), "spot 7 is drawn taken");
    assertTrue(browser.findElement(By.id("total-stands")).getText().startsWith("1 / 24"));
    WebElement challenges = browser.findElement(By.id("challenges"));
    assertTrue(challenges.getText().contains("Défi zéro déchet"), challenges.getText());
    assertEquals(5, challenges.findElements(By.cssSelector("tbody tr")).size(), "one row per presentation slot");
    assertTrue(browser.findElement(By.id("bookings-csv")).getAttribute("href").endsWith("/bookings.csv"));
    screenshot("dashboard");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('stands-title').scrollIntoView()");
    Screenshots.save(browser, "dashboard-stands");

    Browser.clickAndWaitForPage(browser, By.id("logout"));
    browser.get(url("/admin/fairs/" + DEMO));
    assertFalse(browser.findElements(By.id("login-form")).isEmpty(), "signed out: back to the sign-in form");
  }

  @Test
  void aWrongPasswordIsSaidNextToTheField() {
    signIn("not the password");
    assertTrue(browser.findElement(By.id("e-password")).getText().contains("mot de passe"));
    assertEquals(EMAIL, browser.findElement(By.id("f-email")).getAttribute("value"));
    assertEquals("e-password", browser.findElement(By.id("f-password")).getAttribute("aria-describedby"));
    screenshot("admin-login-refused");
  }

  private void signIn(String password) {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys(EMAIL);
    browser.findElement(By.id("f-password")).sendKeys(password);
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
  }
}
