package fr.parcours.admin;

import fr.parcours.Services;
import fr.parcours.auth.Organiser;
import fr.parcours.challenge.ChallengeService;
import fr.parcours.demo.DemoFair;
import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.Poll;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's organiser plans a copy of the demo fair (the other browser tests share the demo
 * itself) whose programme is emptied: asks for eight classes per track, follows the best score
 * live, reads the proposal beside today's programme (capacity before and after, what is still
 * broken, what changes, the grid), applies it and finds it on the programme page, and is told
 * honestly when applying it again is refused because the programme changed meanwhile.
 * The search is given a few seconds; every wait reads the page's state, never a fixed pause.
 */
class PlanBrowserTest extends DemoBrowserTest {

  private static final String COPY = "plan-demo";
  private static final String[] TRACKS = {"preserver-la-planete", "se-connaitre", "s-orienter", "s-engager"};
  private static final int CLASSES = 8;
  private static final int SECONDS = 5;
  /** The search's own seconds, then the page's reload: generous for a loaded machine, still bounded. */
  private static final Duration PLAN_DONE = Duration.ofSeconds(60);

  @BeforeAll
  static void copyOfTheDemoWithItsProgrammeEmptied() {
    Services services = app.application().services();
    Organiser owner = await(services.auth().findOrganiser("demo@parcours.local"));
    JsonObject data = DemoFair.data();
    data.getJsonObject("fair").put("slug", COPY).put("name", "Salon planifié");
    data.put("challenges", new JsonArray());
    await(new DemoFair(services.fairs(), services.resources(), new ChallengeService(services.pool(), services.fairs()),
        services.pool()).load(owner, Instant.now(), data));
    await(app.pool().preparedQuery("UPDATE sessions s SET status = 'cancelled' FROM fairs f WHERE f.id = s.fair_id "
        + "AND f.slug = $1 AND s.kind <> 'stand_time'").execute(Tuple.of(COPY)));
  }

  @Test
  void theOrganiserPlansTheEmptiedDemoAndAppliesIt() {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys("demo@parcours.local");
    browser.findElement(By.id("f-password")).sendKeys("parcours-demo");
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
    browser.get(url("/admin/fairs/" + COPY + "/plan"));

    for (String track : TRACKS) {
      browser.findElement(By.id("classes-" + track)).sendKeys(String.valueOf(CLASSES));
    }
    WebElement seconds = browser.findElement(By.id("plan-seconds"));
    seconds.clear();
    seconds.sendKeys(String.valueOf(SECONDS));
    assertTrue(browser.findElement(By.id("plan-keep")).isSelected(), "keeping what is placed is the default");
    Browser.clickAndWaitForPage(browser, By.id("plan-start"));
    String asked = browser.findElement(By.id("plan-score")).getText();
    assertTrue(asked.startsWith("Meilleur score"), asked);

    // The score follows the plan's events while it solves, then the page reloads on the proposal.
    String[] live = {null};
    Poll.until(PLAN_DONE, () -> pageState(), state -> {
      if (state.solving() && state.seen() > 0) {
        live[0] = state.score();
      }
      return state.finished();
    });
    assertTrue(live[0] != null && live[0].startsWith("Meilleur score"), "the best score shown live: " + live[0]);
    assertEquals("terminée", browser.findElement(By.id("plan-status")).getText());

    List<WebElement> rows = browser.findElements(By.cssSelector("#plan-capacity tbody tr.total"));
    assertEquals(TRACKS.length, rows.size());
    for (WebElement row : rows) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      assertEquals(String.valueOf(CLASSES), cells.get(1).getText(), "the demand: " + row.getText());
      assertEquals("0", cells.get(2).getText(), "an emptied programme hosts no class: " + row.getText());
      assertTrue(Integer.parseInt(cells.get(3).getText()) >= CLASSES, "the proposal hosts the demand: " + row.getText());
    }
    assertTrue(browser.findElements(By.cssSelector("#plan-capacity tr.conflict")).isEmpty(),
        browser.findElement(By.id("plan-capacity")).getText());
    assertFalse(browser.findElements(By.id("plan-nothing-broken")).isEmpty(), "nothing still broken");
    List<WebElement> changes = browser.findElements(By.cssSelector("#plan-changes tbody tr"));
    assertFalse(changes.isEmpty(), "the plan creates the sessions");
    assertFalse(browser.findElements(By.cssSelector("#plan-grid td.changed")).isEmpty());
    screenshot("plan");

    Browser.clickAndWaitForPage(browser, By.id("plan-apply"));
    assertTrue(browser.findElement(By.id("plan-applied")).getText().startsWith("Proposition appliquée"),
        browser.findElement(By.id("plan-applied")).getText());
    long scheduled = await(app.pool().preparedQuery("SELECT count(*) FROM sessions s JOIN fairs f ON f.id = s.fair_id "
        + "WHERE f.slug = $1 AND s.status = 'scheduled' AND s.kind <> 'stand_time'").execute(Tuple.of(COPY)))
        .iterator().next().getLong(0);
    assertEquals(changes.size(), scheduled, "each change of the proposal made a session");
    assertTrue(scheduled < 96, "fewer sessions than the hand-made 96 for the same classes: " + scheduled);

    // The programme page shows the plan: its sessions on the grid, every track hosting classes again.
    Browser.clickAndWaitForPage(browser, By.cssSelector("#plan-applied a"));
    assertEquals(scheduled, browser.findElements(By.cssSelector("table.placement .card.placed")).size());
    for (String track : TRACKS) {
      String capacity = browser.findElement(By.cssSelector("#capacity-now tr[data-track='" + track + "']")).getText();
      assertFalse(capacity.contains(" 0 classe"), capacity);
    }
    screenshot("plan-applied");

    // The same plan again: the programme it started from is gone, and the page says so.
    browser.get(url("/admin/fairs/" + COPY + "/plan"));
    Browser.clickAndWaitForPage(browser, By.id("plan-apply"));
    assertTrue(browser.findElement(By.id("errors")).getText().contains("Le programme a changé"),
        browser.findElement(By.id("errors")).getText());
  }

  private record PageState(boolean solving, boolean finished, int seen, String score) {
  }

  /** The plan's status, progress events shown and score as the page has them now; a reload reads as nothing yet. */
  private PageState pageState() {
    try {
      List<?> read = (List<?>) ((JavascriptExecutor) browser).executeScript(
          "var p = document.getElementById('plan'), s = document.getElementById('plan-score');"
              + "return [p ? p.getAttribute('data-status') : '', s ? (s.getAttribute('data-seen') || '0') : '0',"
              + " s ? s.textContent : ''];");
      String status = String.valueOf(read.get(0));
      return new PageState("solving".equals(status), "done".equals(status) || "stopped".equals(status),
          Integer.parseInt(String.valueOf(read.get(1))), String.valueOf(read.get(2)).trim());
    } catch (WebDriverException reloading) {
      return new PageState(false, false, 0, "");
    }
  }
}
