package fr.parcours.programme;

import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A visitor browses the demo fair's programme: filters, a session, the stand map, the feeds. */
class ProgrammeBrowserTest extends DemoBrowserTest {

  @BeforeAll
  static void someClassesBooked() {
    book("0330001A", "3e A", "s-orienter", 28, "09:00", "12:00");
    book("0330002B", "3e B", "se-connaitre", 26, "09:00", "12:00");
    book("0330003C", "2nde C", "preserver-la-planete", 30, "13:30", "16:30");
  }

  @Test
  void theFiltersNarrowTheTimetable() {
    browser.get(url("/fairs/" + DEMO + "?lang=fr"));
    int all = cards().size();
    new Select(browser.findElement(By.id("filter-track"))).selectByValue("s-orienter");
    // The script sends the form as soon as a filter changes; without it, the button does.
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("track=s-orienter"));
    List<WebElement> kept = cards();
    assertTrue(kept.size() < all && !kept.isEmpty(), kept.size() + " of " + all);
    kept.forEach(card -> assertTrue(card.getText().contains("S'orienter"), card.getText()));
    screenshot("programme-filtered");

    Browser.clickAndWaitForPage(browser, By.id("by-track"));
    assertEquals("S'orienter", browser.findElement(By.cssSelector("table.timetable thead th:nth-child(2)")).getText());
  }

  @Test
  void aSessionPageSaysWhereAndHowManyPlacesAreLeft() {
    browser.get(url("/fairs/" + DEMO + "?lang=fr&track=s-orienter&kind=talk"));
    WebElement first = cards().get(0);
    String title = first.findElement(By.tagName("strong")).getText();
    Browser.clickAndWaitForPage(browser, By.cssSelector("a.card"));

    assertEquals(title, browser.findElement(By.tagName("h1")).getText());
    assertEquals("Auditorium", browser.findElement(By.id("session-place")).getText());
    assertTrue(browser.findElement(By.id("session-left")).getText().matches("\\d+ / 150"),
        browser.findElement(By.id("session-left")).getText());
    assertFalse(browser.findElement(By.id("session-association")).getText().isBlank());
    screenshot("session");
  }

  @Test
  void theProgrammeShowsTheStandMapAndItsFeeds() {
    browser.get(url("/fairs/" + DEMO + "?lang=fr&by=track"));
    // Other classes on the shared demo server may hold a spot: every spot is drawn, the caption counts the free ones.
    assertEquals(24, browser.findElements(By.cssSelector(".stand-map g.spot")).size());
    int free = browser.findElements(By.cssSelector(".stand-map g.spot.free")).size();
    assertTrue(browser.findElement(By.cssSelector(".stand-map figcaption")).getText().contains(free + " "));
    WebElement feeds = browser.findElement(By.id("feeds"));
    String webcal = feeds.findElement(By.cssSelector(".subscribe a")).getAttribute("href");
    assertEquals(url("/calendars/fairs/" + DEMO + ".ics").replace("http://", "webcal://"), webcal);
    for (WebElement feed : feeds.findElements(By.cssSelector("input.feed-url"))) {
      String path = feed.getAttribute("value").substring(app.config().publicUrl().length());
      HttpResponse<Buffer> ics = TestApp.await(app.client().get(path).send());
      assertEquals(200, ics.statusCode(), path);
      assertTrue(ics.bodyAsString().startsWith("BEGIN:VCALENDAR"), path);
    }
    assertTrue(feeds.findElement(By.cssSelector(".subscribe a.secondary")).getAttribute("href")
        .startsWith("https://calendar.google.com/calendar/render?cid=webcal"));
    screenshot("programme");
  }

  private List<WebElement> cards() {
    return browser.findElements(By.cssSelector("table.timetable a.card"));
  }
}
