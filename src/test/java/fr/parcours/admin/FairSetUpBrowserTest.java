package fr.parcours.admin;

import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's fair (4 tracks, 1 venue, 8 rooms, 1 zone, 11 slots of 30 minutes) set up from
 * nothing through the organiser's pages, counting every form sent; then the demo fair copied
 * to 2028 in one form, and the copy checked in the database.
 */
class FairSetUpBrowserTest extends DemoBrowserTest {

  /** The most forms an organiser may need to send for the whole fair (issue 14). */
  private static final int MAX_SUBMISSIONS = 12;

  private int submissions;

  @Test
  void theIssuesFairIsSetUpInAtMostTwelveFormsAndTheDemoIsCopiedToNextYearInOne() {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys("demo@parcours.local");
    browser.findElement(By.id("f-password")).sendKeys("parcours-demo");
    submit("login-submit");

    Browser.clickAndWaitForPage(browser, By.id("new-fair"));
    type("f-name", "Salon de Poitiers 2027");
    type("f-city", "Poitiers");
    type("f-day0-date", "2027-03-25");
    type("f-day0-opens", "09:00");
    type("f-day0-closes", "17:30");
    new Select(browser.findElement(By.id("f-language"))).selectByValue("en");
    screenshot("setup-1-guided");
    submit("setup-submit");
    assertTrue(browser.getCurrentUrl().endsWith("/admin/fairs/salon-de-poitiers-2027/grid"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.id("slot-count")).getText().endsWith("11"), "11 slots of 30 minutes");
    screenshot("setup-2-grid");

    Browser.clickAndWaitForPage(browser, By.id("step-venues"));
    type("f-venues-name", "Parc des expositions");
    type("f-venues-address", "Rue Salvador Allende");
    type("f-venues-city", "Poitiers");
    submit("resource-submit");

    Browser.clickAndWaitForPage(browser, By.id("step-rooms"));
    for (int i = 0; i < 8; i++) {
      type("f-rooms-" + i + "-name", i == 0 ? "Amphithéâtre" : "Salle " + i);
      new Select(browser.findElement(By.id("f-rooms-" + i + "-kind"))).selectByValue(i == 0 ? "conference" : "workshop");
      type("f-rooms-" + i + "-capacity", i == 0 ? "200" : "35");
      if (i < 3) {
        browser.findElement(By.id("f-rooms-" + i + "-screen")).click();
      }
    }
    screenshot("setup-3-rooms");
    submit("table-submit");
    assertTrue(browser.findElement(By.id("saved")).getText().contains("8"), browser.findElement(By.id("saved")).getText());

    Browser.clickAndWaitForPage(browser, By.id("step-stands"));
    type("f-zone_name", "Hall des associations");
    type("f-rows", "2");
    type("f-columns", "6");
    submit("layout-submit");
    assertTrue(browser.findElement(By.id("saved")).getText().contains("12"));
    screenshot("setup-4-stands");

    Browser.clickAndWaitForPage(browser, By.id("step-settings"));
    assertEquals("en", new Select(browser.findElement(By.id("f-language"))).getFirstSelectedOption().getAttribute("value"),
        "the language chosen on the guided set-up");
    new Select(browser.findElement(By.id("f-language"))).selectByVisibleText("Français");
    submit("fair-submit");
    assertEquals("fr", one("SELECT language FROM fairs WHERE slug = 'salon-de-poitiers-2027'").getString(0),
        "changed on the fair's edit page");

    Browser.clickAndWaitForPage(browser, By.id("step-tracks"));
    List<String> tracks = List.of("S'orienter", "Préserver la planète", "Métiers du soin", "Numérique");
    for (int i = 0; i < tracks.size(); i++) {
      type("f-tracks-" + i + "-name", tracks.get(i));
      type("f-tracks-" + i + "-description", "Le parcours « " + tracks.get(i) + " ».");
      browser.findElement(By.id("f-tracks-" + i + "-levels-" + (i < 2 ? "3e" : "2nde"))).click();
    }
    new Select(browser.findElement(By.id("f-tracks-3-color"))).selectByVisibleText("framboise");
    screenshot("setup-5-tracks");
    submit("table-submit");
    assertTrue(browser.findElement(By.id("saved")).getText().contains("4"), browser.findElement(By.id("saved")).getText());

    assertTrue(submissions <= MAX_SUBMISSIONS, submissions + " forms sent");
    String fair = "(SELECT id FROM fairs WHERE slug = 'salon-de-poitiers-2027')";
    assertEquals(List.of(4L, 1L, 8L, 1L, 11L, 12L), List.of(count("tracks", fair), count("venues", fair),
        count("rooms", fair), count("zones", fair), count("slots", fair), count("stand_spots", fair)));
    assertEquals(11, one("SELECT count(*) FROM slots WHERE fair_id = " + fair
        + " AND ends_at - starts_at = interval '30 minutes'").getLong(0));
    assertEquals("{#1565c0,#2e7d32,#8e24aa,#ad1457}|{{3e},{3e},{2nde},{2nde}}", one("SELECT array_agg(color ORDER BY id)::text"
        + " || '|' || array_agg(levels ORDER BY id)::text FROM tracks WHERE fair_id = " + fair).getString(0),
        "a distinct readable colour each, raspberry chosen for the last; the levels ticked");

    copyTheDemoToNextYear();
  }

  private void copyTheDemoToNextYear() {
    int before = submissions;
    browser.get(url("/admin/fairs/" + DEMO));
    Browser.clickAndWaitForPage(browser, By.id("copy-fair"));
    type("f-name", "Teen's Up Bordeaux 2028");
    type("f-day0", "2028-03-16");
    screenshot("setup-6-copy");
    submit("copy-submit");
    assertEquals(before + 1, submissions, "one form");
    assertTrue(browser.getCurrentUrl().endsWith("/admin/fairs/teen-s-up-bordeaux-2028/settings"), browser.getCurrentUrl());
    screenshot("setup-7-copied");

    String source = "(SELECT id FROM fairs WHERE slug = '" + DEMO + "')";
    String copy = "(SELECT id FROM fairs WHERE slug = 'teen-s-up-bordeaux-2028')";
    for (String table : List.of("slots", "rooms", "tracks", "stand_spots", "challenges", "venues", "zones")) {
      assertEquals(count(table, source), count(table, copy), table);
    }
    assertTrue(count("slots", copy) > 0 && count("stand_spots", copy) > 0 && count("challenges", copy) > 0);
    String zone = "(SELECT time_zone FROM fairs WHERE id = " + copy + ")";
    assertEquals(0, one("SELECT count(*) FROM slots WHERE fair_id = " + copy
        + " AND (starts_at AT TIME ZONE " + zone + ")::date <> date '2028-03-16'").getLong(0), "slots on the new day");
    assertEquals(one("SELECT array_agg((starts_at AT TIME ZONE f.time_zone)::time ORDER BY starts_at)::text FROM slots s"
            + " JOIN fairs f ON f.id = s.fair_id WHERE f.id = " + source).getString(0),
        one("SELECT array_agg((starts_at AT TIME ZONE f.time_zone)::time ORDER BY starts_at)::text FROM slots s"
            + " JOIN fairs f ON f.id = s.fair_id WHERE f.id = " + copy).getString(0), "the same wall-clock times");
    assertEquals(0, count("bookings", copy), "no bookings");
    assertEquals(0, count("associations", copy), "no contact data");
    assertEquals(0, one("SELECT count(*) FROM sessions WHERE fair_id = " + copy + " AND booked > 0").getLong(0));
  }

  /** Sends a form by its button, as a click does, and counts it. */
  private void submit(String button) {
    Browser.clickAndWaitForPage(browser, By.id(button));
    submissions++;
  }

  /** Sets a field's value as typing would (date and time inputs read typed keys in the browser's locale). */
  private void type(String id, String value) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)),
        value);
  }

  private static long count(String table, String fair) {
    return one("SELECT count(*) FROM " + table + " WHERE fair_id = " + fair).getLong(0);
  }

  private static Row one(String sql) {
    return await(app.pool().preparedQuery(sql).execute(Tuple.tuple())).iterator().next();
  }
}
