package fr.parcours.allocation;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.Browser;
import fr.parcours.support.Screenshots;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organiser's allocation page in headless Chromium, in French then English: a preview with a
 * seed and its figures per school and per track, the classes left out and why, a second preview
 * with a random seed, a publication refused without its confirmation then made, and the public
 * draw page with the shell command that re-checks a ticket.
 */
class AllocationPagesBrowserTest extends ServerTest {

  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void theOrganiserPreviewsTwiceAndPublishesOneThenAnyoneChecksTheDraw() {
    Fair fair = AllocationFixtures.fair(app, "alloc-pages", 60);
    for (int school = 0; school < 6; school++) {
      for (String group : new String[] {"3e A", "3e B"}) {
        AllocationFixtures.request(app, fair, String.format("0331%03dB", school), group, 25, 2);
      }
    }
    signIn(fair);
    String page = url("/admin/fairs/" + fair.slug() + "/allocations");
    browser.get(page);
    assertEquals("Attribution des places — Teen's Up alloc-pages", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElements(By.id("allocation-none")).size() == 1);

    browser.findElement(By.id("allocation-seed")).sendKeys("42");
    Browser.clickAndWaitForPage(browser, By.id("allocation-run"));
    String pupils = browser.findElement(By.id("figure-pupils")).getText();
    assertTrue(pupils.startsWith("Élèves placés :") && pupils.endsWith("/ 300"), pupils);
    assertEquals(6, rows("allocation-schools").size());
    assertEquals(1, rows("allocation-tracks").size());
    List<WebElement> unplaced = rows("allocation-unplaced");
    assertFalse(unplaced.isEmpty(), "twelve classes for ten routes at most");
    assertTrue(unplaced.get(0).getText().contains("places prises avant son tour"), unplaced.get(0).getText());
    Screenshots.save(browser, "allocation-1-preview");

    Browser.clickAndWaitForPage(browser, By.id("allocation-run"));
    assertEquals(2, rows("allocation-previews").size());

    // The first preview, seed 42: publishing it needs the box ticked.
    Browser.clickAndWaitForPage(browser, By.cssSelector("#allocation-previews tbody tr:last-child a"));
    assertTrue(browser.findElement(By.id("allocation-shown-title")).getText().endsWith("42"));
    Browser.clickAndWaitForPage(browser, By.id("allocation-publish"));
    assertEquals("cochez la case pour confirmer la publication",
        browser.findElement(By.id("allocation-confirm-error")).getText());
    browser.findElement(By.id("allocation-confirm")).click();
    Browser.clickAndWaitForPage(browser, By.id("allocation-publish"));
    assertTrue(browser.findElement(By.id("allocation-published")).getText().startsWith("L'attribution est publiée"));
    assertTrue(browser.findElements(By.id("allocation-form")).isEmpty(), "no preview after the publication");
    assertTrue(browser.findElements(By.id("allocation-publish")).isEmpty());
    Screenshots.save(browser, "allocation-2-published");

    Browser.clickAndWaitForPage(browser, By.id("draw-link"));
    assertEquals(6, rows("draw-order").size());
    String example = browser.findElement(By.id("draw-example")).getText();
    assertTrue(example.startsWith("printf '%s' '42:0331"), example);
    String firstSchool = rows("draw-order").get(0).findElements(By.tagName("td")).get(1).getText();
    assertEquals(Draw.ticket(42, firstSchool), rows("draw-order").get(0).findElement(By.className("ticket")).getText());
    Screenshots.save(browser, "allocation-3-draw");

    browser.get(url("/fairs/" + fair.slug() + "/draw?lang=en"));
    assertEquals("Draw of the allocation — Teen's Up alloc-pages", browser.findElement(By.tagName("h1")).getText());
    assertEquals("Check a ticket", browser.findElement(By.tagName("h2")).getText());
    browser.get(page + "?lang=en");
    assertTrue(browser.findElement(By.id("allocation-published")).getText().startsWith("The allocation is published"));
    assertEquals("Pupils placed", browser.findElement(By.cssSelector("#allocation-previews thead th:nth-child(4)")).getText());
  }

  private void signIn(Fair fair) {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys(fair.slug() + "@organiser.test");
    browser.findElement(By.id("f-password")).sendKeys(TestApp.ORGANISER_PASSWORD);
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
  }

  private List<WebElement> rows(String table) {
    return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
  }

  private static String url(String path) {
    return app.config().publicUrl() + path;
  }
}
