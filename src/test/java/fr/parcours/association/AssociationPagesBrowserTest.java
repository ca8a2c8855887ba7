package fr.parcours.association;

import fr.parcours.support.Browser;
import fr.parcours.support.Ical;
import fr.parcours.support.Screenshots;
import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.association.AssociationApi.DAY;
import static fr.parcours.association.AssociationApi.as;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An association's whole journey in a real browser: it registers on {@code /associations},
 * signs in with the link it was sent, proposes an offer (a window outside the fair's hours is
 * refused next to its row first), resubmits it when the organiser asks for changes, sees its
 * schedule once the offer is placed, subscribes to its calendar, reserves a stand on the map (then
 * taken on the public programme's map) and signs out.
 */
class AssociationPagesBrowserTest extends ServerTest {

  private static final Pattern LINK = Pattern.compile("https?://\\S+/associations/sign-in/[A-Za-z0-9_-]+");
  private static final String EMAIL = "camille@mer-navigateur.test";

  @Test
  void anAssociationRegistersSignsInProposesAndFollowsItsSchedule() {
    AssociationApi fair = new AssociationApi(app, "salon-espace");
    fair.create(fair.base + "/rooms", new JsonObject().put("slug", "amphi").put("name", "Amphi Garonne")
        .put("venue", "hotel").put("kind", "conference").put("capacity", 120));
    fair.create(fair.base + "/zones", new JsonObject().put("slug", "hall").put("name", "Hall").put("venue", "hotel"));
    for (int i = 1; i <= 3; i++) {
      fair.create(fair.base + "/stand-spots", new JsonObject().put("number", "A" + i).put("zone", "hall")
          .put("x", 4.0 * (i - 1)).put("y", 0).put("width", 3).put("depth", 2).put("power", i == 2));
    }
    WebDriver browser = Browser.start();
    try {
      register(browser, fair);
      signIn(browser, fair);
      proposeWithAnErrorFirst(browser);
      long offerId = Long.parseLong(browser.findElement(By.cssSelector("#offers tr[data-offer]")).getAttribute("data-offer"));

      review(fair, offerId, new JsonObject().put("decision", "request_changes").put("message", "Précisez le public."));
      browser.navigate().refresh();
      assertEquals("changes_requested", status(browser));
      assertEquals("Précisez le public.", browser.findElement(By.cssSelector("#offers .review-message")).getText());
      browser.findElement(By.linkText("Modifier")).click();
      new Select(browser.findElement(By.id("f-audience"))).selectByValue("3e");
      Browser.clickAndWaitForPage(browser, By.id("offer-submit"));
      assertEquals("submitted", status(browser), "editing resubmits the offer");

      review(fair, offerId, new JsonObject().put("decision", "accept"));
      HttpResponse<Buffer> placed = send(as(app.client().put(fair.base + "/offers/" + offerId + "/placement"),
          fair.organiser), new JsonObject().put("room", "amphi").put("starts_at", DAY + "T10:00:00+01:00"));
      assertEquals(200, placed.statusCode(), placed.bodyAsString());
      browser.navigate().refresh();
      String schedule = browser.findElement(By.id("schedule")).getText();
      assertTrue(schedule.contains("10:00 – 10:30") && schedule.contains("Amphi Garonne")
          && schedule.contains("Les métiers de la mer"), schedule);
      subscribesToItsOwnFeed(browser);
      Screenshots.save(browser, "association-home");
      reservesAStandOnTheMap(browser, fair);

      Browser.clickAndWaitForPage(browser, By.id("sign-out"));
      assertTrue(browser.findElement(By.id("notice")).getText().contains("déconnecté"));
      browser.get(app.config().publicUrl() + "/associations/me");
      assertEquals(app.config().publicUrl() + "/associations", browser.getCurrentUrl(), "signed out, sent to the area");
    } finally {
      browser.quit();
    }
  }

  private static void register(WebDriver browser, AssociationApi fair) {
    browser.get(app.config().publicUrl() + "/associations?fair=" + fair.slug);
    assertEquals("Salon " + fair.slug, browser.findElement(By.id("fair-name")).getText());
    browser.findElement(By.id("f-name")).sendKeys("Mer et Métiers");
    new Select(browser.findElement(By.id("f-theme"))).selectByValue("s-orienter");
    browser.findElement(By.id("f-contact_name")).sendKeys("Camille Martin");
    browser.findElement(By.id("f-contact_email")).sendKeys(EMAIL);
    browser.findElement(By.id("f-website")).sendKeys("https://mer.example.org");
    browser.findElement(By.id("f-description")).sendKeys("Des marins et des océanographes.");
    Screenshots.save(browser, "association-area");
    Browser.clickAndWaitForPage(browser, By.id("register-submit"));
    assertTrue(browser.findElement(By.id("notice")).getText().startsWith("Demande d'inscription reçue"));
  }

  /** The link registration sent, read from the outbox as the contact would read it in the message. */
  private static void signIn(WebDriver browser, AssociationApi fair) {
    Matcher link = LINK.matcher(fair.lastMessage(EMAIL, "association_sign_in").getString("body"));
    assertTrue(link.find(), "no sign-in link in the message");
    browser.get(link.group());
    Browser.clickAndWaitForPage(browser, By.id("sign-in"));
    assertEquals(app.config().publicUrl() + "/associations/me", browser.getCurrentUrl());
    assertEquals("Mer et Métiers", browser.findElement(By.id("association-name")).getText());
  }

  /** Two windows without any script; the second one ends after closing time and is refused next to its row. */
  private static void proposeWithAnErrorFirst(WebDriver browser) {
    Browser.clickAndWaitForPage(browser, By.id("propose"));
    assertEquals("30", browser.findElement(By.id("f-duration_minutes")).getAttribute("value"), "a talk lasts 30 minutes");
    browser.findElement(By.id("f-title")).sendKeys("Les métiers de la mer");
    browser.findElement(By.id("f-people")).clear();
    browser.findElement(By.id("f-people")).sendKeys("2");
    time(browser, "window-start-1", "09:00");
    time(browser, "window-end-1", "12:00");
    time(browser, "window-start-2", "16:00");
    time(browser, "window-end-2", "19:00");
    browser.findElement(By.id("add-window")).click();
    assertEquals("", browser.findElement(By.id("window-start-3")).getAttribute("value"), "the script adds an empty row");
    browser.findElement(By.id("f-trades")).sendKeys("Océanographe\nMarin pêcheur");
    browser.findElement(By.id("f-needs-screen")).click();
    Browser.clickAndWaitForPage(browser, By.id("offer-submit"));

    WebElement rowError = browser.findElement(By.id("e-window-2"));
    assertTrue(rowError.getText().contains("heures d'ouverture"), rowError.getText());
    assertEquals("true", browser.findElement(By.id("window-end-2")).getAttribute("aria-invalid"));
    assertEquals("Les métiers de la mer", browser.findElement(By.id("f-title")).getAttribute("value"), "kept as typed");
    assertTrue(browser.findElement(By.id("f-needs-screen")).isSelected());
    Screenshots.save(browser, "association-offer-error");

    time(browser, "window-end-2", "17:00");
    Browser.clickAndWaitForPage(browser, By.id("offer-submit"));
    assertTrue(browser.findElement(By.id("notice")).getText().startsWith("Proposition envoyée"));
    assertEquals("submitted", status(browser));
  }

  /** Picks the morning, clicks a free spot on the drawing, reserves it; the public map then shows it taken. */
  private static void reservesAStandOnTheMap(WebDriver browser, AssociationApi fair) {
    Browser.clickAndWaitForPage(browser, By.id("stands-link"));
    // The page's script sends the period as soon as it is picked: wait for that page, not a second submit.
    Browser.clickAndWaitForPage(browser, By.id("period-morning"));
    assertEquals(3, browser.findElements(By.cssSelector("a.spot-link")).size(), "every spot free this morning");
    Browser.clickAndWaitForPage(browser, By.cssSelector("a.spot-link[data-spot='A2']"));
    assertTrue(browser.findElement(By.id("spot-A2")).isSelected(), "the spot clicked on the map is the one chosen");
    Browser.clickAndWaitForPage(browser, By.id("reserve-submit"));
    WebElement held = browser.findElement(By.cssSelector("#reservations tr[data-reservation]"));
    assertEquals("A2", held.findElement(By.className("spot-number")).getText());
    assertEquals("confirmed", held.findElement(By.cssSelector("[data-status]")).getAttribute("data-status"));
    // The page's script sends the period as soon as it is picked: wait for that page, not a second submit.
    Browser.clickAndWaitForPage(browser, By.id("period-morning"));
    assertTrue(browser.findElements(By.cssSelector("a.spot-link[data-spot='A2']")).isEmpty(), "no longer offered");
    Screenshots.save(browser, "association-stands");

    browser.get(app.config().publicUrl() + "/fairs/" + fair.slug);
    WebElement spot = browser.findElement(By.xpath("//*[local-name()='g'][contains(@class,'spot')]"
        + "[*[local-name()='text' and text()='A2']]"));
    assertTrue(spot.getAttribute("class").contains("taken"), spot.getAttribute("class"));
    browser.navigate().back();
  }

  private static void subscribesToItsOwnFeed(WebDriver browser) {
    String feed = browser.findElement(By.cssSelector("#calendar input.feed-url")).getAttribute("value");
    assertTrue(browser.findElement(By.cssSelector("#calendar a[href^='webcal://']")).isDisplayed());
    HttpResponse<Buffer> ics = await(app.client().get(feed.substring(feed.indexOf("/calendars/"))).send());
    assertEquals(200, ics.statusCode());
    List<VEvent> events = Ical.events(ics.bodyAsString());
    assertEquals(List.of("Les métiers de la mer"), events.stream()
        .map(event -> event.getSummary().getValue()).toList());
  }

  private static void review(AssociationApi fair, long offerId, JsonObject decision) {
    HttpResponse<Buffer> reviewed = send(as(app.client().post(fair.base + "/offers/" + offerId + "/review"),
        fair.organiser), decision);
    assertEquals(200, reviewed.statusCode(), reviewed.bodyAsString());
  }

  private static String status(WebDriver browser) {
    return browser.findElement(By.cssSelector("#offers [data-status]")).getAttribute("data-status");
  }

  /** Sets a time field: what Chromium's time picker sends whatever the keyboard layout. */
  private static void time(WebDriver browser, String id, String value) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)),
        value);
  }
}
