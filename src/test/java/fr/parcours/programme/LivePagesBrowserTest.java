package fr.parcours.programme;

import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.PageForms;
import fr.parcours.support.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Places left change on an open page when a class is booked elsewhere; visitors star sessions with plain forms. */
class LivePagesBrowserTest extends DemoBrowserTest {

  private static final String TRACK = "se-connaitre";

  @Test
  void theBookingFormShowsPlacesDropWhenAClassIsBookedThroughTheApi() {
    browser.get(url("/fairs/" + DEMO + "/book?lang=fr"));
    By places = By.cssSelector("[data-track='" + TRACK + "']");
    int before = leading(browser.findElement(places).getText());

    book("0330101L", "3e L", TRACK, 24, "09:00", "12:00");

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(page -> leading(page.findElement(places).getText()) < before);
    assertEquals("Places restantes mises à jour.", browser.findElement(By.id("live-places")).getAttribute("textContent"));
    screenshot("book-live");
  }

  @Test
  void aVisitorStarsTwoSessionsAndFindsThemOnTheSelectionPageAndInItsFeed() throws IOException, ParserException {
    browser.get(url("/fairs/" + DEMO + "?lang=fr&track=s-orienter&kind=talk"));
    List<String> titles = List.of(title(0), title(1));
    Browser.clickAndWaitForPage(browser, By.cssSelector("form.star button"));
    assertEquals("true", browser.findElements(By.cssSelector("form.star button")).get(0).getAttribute("aria-pressed"));
    Browser.clickAndWaitForPage(browser, By.cssSelector("form.star button[aria-pressed='false']"));

    Browser.clickAndWaitForPage(browser, By.id("selection-link"));
    List<String> listed = browser.findElements(By.cssSelector("#selection a.card strong")).stream()
        .map(WebElement::getText).toList();
    assertEquals(titles.stream().sorted().toList(), listed.stream().sorted().toList());
    screenshot("selection");

    String feed = browser.findElement(By.cssSelector("#feeds input.feed-url")).getAttribute("value");
    HttpResponse<Buffer> ics = TestApp.await(app.client().get(feed.substring(app.config().publicUrl().length())).send());
    assertEquals(200, ics.statusCode());
    List<String> inFeed = new CalendarBuilder().build(new StringReader(ics.bodyAsString()))
        .<VEvent>getComponents(Component.VEVENT).stream().map(event -> event.getSummary().getValue()).toList();
    assertEquals(titles.stream().sorted().toList(), inFeed.stream().sorted().toList());

    Browser.clickAndWaitForPage(browser, By.cssSelector("#selection form.star button"));
    assertEquals(1, browser.findElements(By.cssSelector("#selection a.card")).size());
  }

  @Test
  void aStarFormNamesABadSessionAndNeverSendsTheVisitorOffTheSite() {
    String path = "/fairs/" + DEMO + "/selection";
    HttpResponse<Buffer> refused = PageForms.postFromPage(app, path,
        MultiMap.caseInsensitiveMultiMap().add("session", "abc").add("action", "star"));
    assertEquals(400, refused.statusCode());
    long session = TestApp.await(app.client().get("/api/fairs/" + DEMO + "/availability").send())
        .bodyAsJsonObject().getJsonArray("sessions").getJsonObject(0).getLong("id");
    HttpResponse<Buffer> starred = PageForms.postFromPage(app, path, MultiMap.caseInsensitiveMultiMap()
        .add("session", String.valueOf(session)).add("action", "star").add("return", "https://elsewhere.example/"));
    assertEquals(303, starred.statusCode());
    assertEquals(path, starred.getHeader("Location"));
    assertTrue(starred.cookies().stream().anyMatch(cookie -> cookie.startsWith("selection=")
        && cookie.contains("Path=/fairs/" + DEMO) && cookie.toLowerCase().contains("httponly")), starred.cookies().toString());
  }

  private String title(int index) {
    return browser.findElements(By.cssSelector("table.timetable a.card strong")).get(index).getText();
  }

  private static int leading(String text) {
    return Integer.parseInt(text.substring(0, text.indexOf(' ')));
  }
}
