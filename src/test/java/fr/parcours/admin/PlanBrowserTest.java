package fr.parcours.admin;

import fr.parcours.Services;
import fr.parcours.auth.Organiser;
import fr.parcours.challenge.ChallengeService;
import fr.parcours.demo.DemoFair;
import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's organiser plans a copy of the demo fair (the other browser tests share the demo
 * itself) on the plan page: asks for eight classes per track, follows the best score live, reads
 * the proposal beside today's programme, applies it, and is told honestly when applying it again
 * is refused because the programme changed meanwhile.
 */
class PlanBrowserTest extends DemoBrowserTest {

  private static final String COPY = "plan-demo";

  @BeforeAll
  static void copyOfTheDemo() {
    Services services = app.application().services();
    Organiser owner = await(services.auth().findOrganiser("demo@parcours.local"));
    JsonObject data = DemoFair.data();
    data.getJsonObject("fair").put("slug", COPY).put("name", "Salon planifié");
    data.put("challenges", new JsonArray());
    await(new DemoFair(services.fairs(), services.resources(), new ChallengeService(services.pool(), services.fairs()),
        services.pool()).load(owner, Instant.now(), data));
  }

  @Test
  void theOrganiserPlansTheDemoAndAppliesIt() {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys("demo@parcours.local");
    browser.findElement(By.id("f-password")).sendKeys("parcours-demo");
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
    browser.get(url("/admin/fairs/" + COPY + "/plan"));

    for (String track : new String[] {"preserver-la-planete", "se-connaitre", "s-orienter", "s-engager"}) {
      browser.findElement(By.id("classes-" + track)).sendKeys("8");
    }
    WebElement seconds = browser.findElement(By.id("plan-seconds"));
    seconds.clear();
    seconds.sendKeys("4");
    browser.findElement(By.id("plan-keep")).click();
    Browser.clickAndWaitForPage(browser, By.id("plan-start"));
    assertTrue(browser.findElement(By.id("plan-score")).getText().startsWith("Meilleur score"),
        browser.findElement(By.id("plan-score")).getText());

    // The page follows the plan live and shows the proposal once the solver is done.
    new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver ->
        !driver.findElements(By.id("plan-apply")).isEmpty());
    assertEquals("terminée", browser.findElement(By.id("plan-status")).getText());
    WebElement capacity = browser.findElement(By.id("plan-capacity"));
    assertTrue(capacity.getText().contains("Préserver la planète"), capacity.getText());
    assertTrue(browser.findElements(By.cssSelector("#plan-capacity tr.conflict")).isEmpty(),
        "every track gets its eight classes: " + capacity.getText());
    assertFalse(browser.findElements(By.cssSelector("#plan-changes tbody tr")).isEmpty(), "the plan changes sessions");
    assertFalse(browser.findElements(By.cssSelector("#plan-grid td.changed")).isEmpty());
    screenshot("plan");

    Browser.clickAndWaitForPage(browser, By.id("plan-apply"));
    assertTrue(browser.findElement(By.id("plan-applied")).getText().startsWith("Proposition appliquée"));
    long scheduled = await(app.pool().preparedQuery("SELECT count(*) FROM sessions s JOIN fairs f ON f.id = s.fair_id "
        + "WHERE f.slug = $1 AND s.status = 'scheduled' AND s.kind <> 'stand_time'").execute(Tuple.of(COPY)))
        .iterator().next().getLong(0);
    assertTrue(scheduled < 96, "fewer sessions than the hand-made 96 for the same classes: " + scheduled);

    // The same plan again: the programme it started from is gone, and the page says so.
    browser.findElement(By.id("plan-apply")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.findElements(By.id("errors")).isEmpty());
    assertTrue(browser.findElement(By.id("errors")).getText().contains("Le programme a changé"),
        browser.findElement(By.id("errors")).getText());
  }
}
