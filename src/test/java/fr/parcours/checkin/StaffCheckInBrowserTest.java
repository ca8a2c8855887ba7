package fr.parcours.checkin;

import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.Screenshots;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A volunteer at the entrance, on a phone whose network comes and goes. */
class StaffCheckInBrowserTest extends DemoBrowserTest {

  private static JsonObject first;
  private static JsonObject second;
  private static JsonObject third;

  @BeforeAll
  static void classesComing() {
    first = book("0330301A", "3e Accueil Un", "s-orienter", 26, "09:00", "12:00");
    second = book("0330302B", "3e Accueil Deux", "se-connaitre", 24, "09:00", "12:00");
    third = book("0330303C", "3e Accueil Trois", "s-engager", 22, "13:30", "16:30");
  }

  private static String code(JsonObject booking) {
    return booking.getJsonObject("check_in").getString("code");
  }

  @Test
  void checksInByCodeGoesOfflineChecksTwoMoreAndEachArrivesOnceWhenTheNetworkIsBack() {
    signIn();
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/staff/fairs/" + DEMO + "/check-in?lang=fr"));
    type("f-code", code(first).toLowerCase().replace("-", ""));
    type("f-pupils", "24");
    type("f-adults", "2");
    Browser.clickAndWaitForPage(browser, By.id("check-in-submit"));
    assertEquals("Arrivée enregistrée.", browser.findElement(By.id("notice")).getText());
    assertTrue(item(first).getText().contains("24 + 2"), item(first).getText());
    Screenshots.save(browser, "staff-check-in-phone");

    network(false);
    item(second).findElement(By.cssSelector("a.choose")).click();
    assertEquals(code(second), browser.findElement(By.id("f-code")).getAttribute("value"), "chosen in place, offline");
    assertEquals("24", browser.findElement(By.id("f-pupils")).getAttribute("value"));
    browser.findElement(By.id("check-in-submit")).click();
    type("f-code", code(third));
    type("f-pupils", "20");
    type("f-adults", "2");
    browser.findElement(By.id("check-in-submit")).click();
    WebElement queue = browser.findElement(By.id("queue"));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> queue.getText().endsWith(" 2"));
    assertTrue(queue.getText().startsWith("En attente d'envoi"), queue.getText());
    Screenshots.save(browser, "staff-check-in-offline");
    assertEquals(1, checkedIn(), "the two queued check-ins wait on the phone");

    network(true);
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> checkedIn() == 3
        && !d.findElements(By.id("notice")).isEmpty() && !d.findElement(By.id("queue")).isDisplayed());
    assertTrue(item(third).getText().contains("20 + 2"), item(third).getText());
    browser.navigate().refresh();
    assertEquals(3, checkedIn(), "each check-in arrived once");
    assertEquals(List.of(24, 24, 20), List.of(present(first), present(second), present(third)));
  }

  @Test
  void theCameraReadsQrCodesOnlyWhereTheBrowserCan() {
    signIn();
    browser.get(url("/staff/fairs/" + DEMO + "/check-in?lang=fr"));
    // Chromium on Linux has no BarcodeDetector (it ships on Android, ChromeOS and macOS only):
    // the page then offers no camera button and the code is typed or chosen from the list.
    boolean detector = (Boolean) ((JavascriptExecutor) browser).executeScript("return 'BarcodeDetector' in window");
    assertEquals(detector, browser.findElement(By.id("scan")).isDisplayed());
    browser.get(url("/staff/fairs/" + DEMO + "/check-in?lang=fr&code=" + code(first)));
    assertTrue(browser.findElement(By.id("chosen")).getText().contains("3e Accueil Un"));
  }

  private void signIn() {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys("demo@parcours.local");
    browser.findElement(By.id("f-password")).sendKeys("parcours-demo");
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
  }

  private void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private WebElement item(JsonObject booking) {
    return browser.findElement(By.cssSelector("#classes li[data-code='" + code(booking) + "']"));
  }

  private void network(boolean online) {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private static long checkedIn() {
    return await(app.pool().preparedQuery("SELECT count(*) FROM check_ins WHERE booking_id = ANY($1)")
        .execute(Tuple.of(new Long[] {first.getLong("id"), second.getLong("id"), third.getLong("id")})))
        .iterator().next().getLong(0);
  }

  private static int present(JsonObject booking) {
    return await(app.pool().preparedQuery("SELECT pupils FROM check_ins WHERE booking_id = $1")
        .execute(Tuple.of(booking.getLong("id")))).iterator().next().getInteger(0);
  }
}
