package fr.parcours.checkin;

import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.Screenshots;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A volunteer in a room marks classes present on a phone whose network comes and goes. */
class RoomPresenceBrowserTest extends DemoBrowserTest {

  private static JsonObject booking;
  private static long session;

  @BeforeAll
  static void aClassBooked() {
    // The whole day: other classes of the run share this demo fair and may have filled its morning.
    booking = book("0330801A", "3e Salle Un", "s-orienter", 25, "09:00", "16:30");
    assertEquals("confirmed", booking.getString("status"), booking::encodePrettily);
    session = await(app.pool().preparedQuery("SELECT hp.session_id FROM held_places hp JOIN sessions s ON s.id = hp.session_id "
        + "WHERE hp.booking_id = $1 AND s.room_id IS NOT NULL ORDER BY s.starts_at LIMIT 1")
        .execute(Tuple.of(booking.getLong("id")))).iterator().next().getLong(0);
  }

  @Test
  void marksAClassOnlineThenCorrectsItOfflineAndTheCorrectionArrivesOnce() {
    signIn();
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/staff/fairs/" + DEMO + "/rooms?lang=fr"));
    Browser.clickAndWaitForPage(browser, By.cssSelector("#sessions li[data-session='" + session + "'] a"));
    WebElement row = item();
    assertTrue(row.getText().contains("3e Salle Un"), row.getText());
    assertEquals("25", row.findElement(By.name("pupils")).getAttribute("value"), "offered the booked headcount");
    type(row, "pupils", "23");
    row.findElement(By.cssSelector("button.mark")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("notice")).isEmpty());
    assertEquals("Classe pointée.", browser.findElement(By.id("notice")).getText());
    assertEquals(23, marked().getInteger("pupils"));
    Screenshots.save(browser, "staff-presence-phone");

    network(false);
    type(item(), "pupils", "24");
    item().findElement(By.cssSelector("button.mark")).click();
    WebElement queue = browser.findElement(By.id("queue"));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> queue.getText().endsWith(" 1"));
    assertTrue(queue.getText().startsWith("En attente d'envoi"), queue.getText());
    Screenshots.save(browser, "staff-presence-offline");
    assertEquals(23, marked().getInteger("pupils"), "the correction waits on the phone");

    network(true);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> marked().getInteger("pupils") == 24
        && !d.findElements(By.id("notice")).isEmpty());
    assertEquals(1L, marked().getLong("rows"), "one mark per class and session");
    assertTrue(item().getText().contains("24 + 2"), item().getText());
  }

  private void signIn() {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys("demo@parcours.local");
    browser.findElement(By.id("f-password")).sendKeys("parcours-demo");
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
  }

  private WebElement item() {
    return browser.findElement(By.cssSelector("#classes li[data-code='" + booking.getJsonObject("check_in").getString("code")
        + "']"));
  }

  private static void type(WebElement row, String name, String text) {
    WebElement field = row.findElement(By.name(name));
    field.clear();
    field.sendKeys(text);
  }

  private void network(boolean online) {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private static Row marked() {
    return await(app.pool().preparedQuery("SELECT count(*) AS rows, max(pupils) AS pupils FROM session_presences "
        + "WHERE booking_id = $1 AND session_id = $2").execute(Tuple.of(booking.getLong("id"), session))).iterator().next();
  }
}
