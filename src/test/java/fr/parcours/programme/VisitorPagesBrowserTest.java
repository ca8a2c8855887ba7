package fr.parcours.programme;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.Screenshots;
import fr.parcours.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The visitor's pages off the happy path: stars keep the place, phones get a list, every area is linked. */
class VisitorPagesBrowserTest extends DemoBrowserTest {

  @Test
  void aStarSaysRetirerOnceStarredIsReadableAndKeepsThePlace() {
    for (String language : List.of("fr", "en")) {
      browser.get(url("/fairs/" + DEMO + "?lang=" + language + "&track=preserver-la-planete"));
      List<WebElement> stars = browser.findElements(By.cssSelector("table.timetable form.star button[aria-pressed='false']"));
      WebElement last = stars.get(stars.size() - 1);
      String form = last.findElement(By.xpath("..")).getAttribute("id");
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", last);
      Browser.clickAndWaitForPage(browser, By.cssSelector("#" + form + " button"));

      assertTrue(browser.getCurrentUrl().endsWith("#" + form), "back at the card: " + browser.getCurrentUrl());
      WebElement starred = browser.findElement(By.cssSelector("#" + form + " button"));
      assertEquals("true", starred.getAttribute("aria-pressed"));
      assertTrue(starred.getText().contains(language.equals("fr") ? "Retirer" : "Remove"), starred.getText());
      assertTrue(contrast(starred) >= 4.5, "contrast " + contrast(starred));
      long scrolled = (Long) ((JavascriptExecutor) browser).executeScript("return Math.round(window.scrollY)");
      assertTrue(scrolled > 0, "not back at the top");
      Screenshots.save(browser, "programme-starred-" + language);
      Browser.clickAndWaitForPage(browser, By.cssSelector("#" + form + " button"));
      assertEquals("false", browser.findElement(By.cssSelector("#" + form + " button")).getAttribute("aria-pressed"));
    }
  }

  @Test
  void onAPhoneTheTimetableIsAListByTimeAndFromTabletWidthAGrid() {
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String language : List.of("fr", "en")) {
      browser.get(url("/fairs/" + DEMO + "?lang=" + language));
      assertFalse(browser.findElement(By.cssSelector(".grid-scroll")).isDisplayed());
      WebElement list = browser.findElement(By.cssSelector(".timetable-list"));
      assertTrue(list.isDisplayed());
      long pageWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
      assertTrue(pageWidth <= 390, "nothing to scroll sideways: " + pageWidth);
      List<String> times = list.findElements(By.cssSelector(".list-time h4")).stream().map(WebElement::getText).toList();
      assertEquals(times.stream().sorted().toList(), times, "by time");
      assertTrue(list.findElement(By.cssSelector("a.card .meta")).getText().contains(" · "));
      Screenshots.save(browser, "programme-phone-" + language);
    }
    for (String language : List.of("fr", "en")) {
      browser.get(url("/fairs/" + DEMO + "?lang=" + language + "&by=track"));
      List<String> metas = browser.findElements(By.cssSelector(".timetable-list a.card .meta")).stream()
          .map(WebElement::getText).toList();
      String track = "(S'orienter|Se connaître|S'engager|Préserver la planète|"
          + (language.equals("fr") ? "Hors parcours" : "No track") + ")";
      String kind = language.equals("fr") ? "(Conférence|Atelier|Témoignages|Temps aux stands)"
          : "(Talk|Workshop|Testimonies|Time at the stands)";
      assertTrue(metas.stream().allMatch(meta -> meta.matches(".* · " + track + " · " + kind + "( · .*)?")),
          "by track: each card says its track and its kind in " + language + ": " + metas);
      Screenshots.save(browser, "programme-phone-by-track-" + language);
    }
    browser.manage().window().setSize(new Dimension(800, 1000));
    browser.get(url("/fairs/" + DEMO + "?lang=fr"));
    assertTrue(browser.findElement(By.cssSelector(".grid-scroll")).isDisplayed(), "a tablet gets the grid");
    assertFalse(browser.findElement(By.cssSelector(".timetable-list")).isDisplayed());
  }

  @Test
  void everyPageLinksTheAssociationAreaAndTheOrganisersSignIn() {
    for (String language : List.of("fr", "en")) {
      browser.get(url("/?lang=" + language));
      assertEquals(language.equals("fr") ? "Espace associations" : "For associations",
          browser.findElement(By.id("nav-associations")).getText());
      Browser.clickAndWaitForPage(browser, By.id("nav-associations"));
      assertTrue(browser.getCurrentUrl().contains("/associations"), browser.getCurrentUrl());
      Browser.clickAndWaitForPage(browser, By.id("nav-organisers"));
      assertTrue(browser.findElement(By.cssSelector("input[type=password]")).isDisplayed(), "the organiser's sign-in");
    }
  }

  @Test
  void aSessionPageShowsWhatTheSessionAndItsAssociationAre() {
    for (String language : List.of("fr", "en")) {
      browser.get(url("/fairs/" + DEMO + "?lang=" + language + "&kind=talk"));
      Browser.clickAndWaitForPage(browser, By.cssSelector("table.timetable a.card"));
      WebElement about = browser.findElement(By.id("session-association-about"));
      assertFalse(about.findElement(By.tagName("p")).getText().isBlank(), "the association's description");
      assertEquals(browser.findElement(By.id("session-association")).getText(),
          about.findElement(By.tagName("h2")).getText());
      Screenshots.save(browser, "session-" + language);
    }
  }

  @Test
  void theStandMapListsSpotsInNaturalOrderAndNamesWhoHoldsThem() {
    AssociationApi associations = AssociationApi.of(app, DEMO);
    String holder = associations.signedIn("Les Herbiers", "herbiers@asso.test");
    var held = TestApp.send(AssociationApi.as(app.client().post("/api/fairs/" + DEMO + "/stand-reservations"), holder)
        .putHeader("Idempotency-Key", "map-12"), new JsonObject().put("day", "2027-03-18").put("period", "day")
        .put("spot", "12"));
    assertEquals(201, held.statusCode(), held.bodyAsString());
    for (String language : List.of("fr", "en")) {
      browser.get(url("/fairs/" + DEMO + "?lang=" + language));
      List<String> numbers = browser.findElements(By.cssSelector("figure.stand-map g.spot text")).stream()
          .map(WebElement::getText).toList();
      assertEquals(List.of("1", "2", "3"), numbers.subList(0, 3), "1, 2, 3… not 1, 10, 11: " + numbers);
      assertEquals("10", numbers.get(9));
      WebElement line = browser.findElement(By.cssSelector("[data-spot-holder='12']"));
      assertTrue(line.getText().endsWith("Les Herbiers"), line.getText());
      assertFalse(browser.findElement(By.cssSelector("figure.stand-map")).getText().contains("@"), "no contact");
    }
    ((JavascriptExecutor) browser).executeScript("document.getElementById('stands').scrollIntoView()");
    Screenshots.save(browser, "programme-stand-holders");
  }

  /** WCAG contrast ratio of an element's text on its background, as the browser computed them. */
  private double contrast(WebElement element) {
    String color = element.getCssValue("color");
    String background = element.getCssValue("background-color");
    double a = luminance(color);
    double b = luminance(background);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double luminance(String rgba) {
    String[] parts = rgba.replaceAll("[^0-9.,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(parts[i]) / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
