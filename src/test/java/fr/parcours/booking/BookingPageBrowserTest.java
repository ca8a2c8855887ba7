package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.Screenshots;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.List;

import static fr.parcours.booking.BookingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teacher's manage page in a real browser: read, change, refuse in place, cancel. */
class BookingPageBrowserTest extends BookingBrowserTest {

  @Test
  void theTeacherSeesTheRouteInFrenchAndCanReadItInEnglish() {
    JsonObject booking = book("page-read", "3e A");
    browser.get(booking.getString("manage_url"));

    assertEquals("Confirmée", text("status"));
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("3e A"));
    List<WebElement> steps = browser.findElements(By.cssSelector("#route tbody tr"));
    assertEquals(3, steps.size());
    assertTrue(steps.get(0).getText().startsWith("09:00 – 09:30"), steps.get(0).getText());
    assertTrue(browser.findElement(By.cssSelector("#calendar a")).getAttribute("href").startsWith("webcal://"));

    clickAndWaitForPage(By.linkText("English"));
    assertEquals("Confirmed", text("status"));
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
  }

  @Test
  void aChangeIsSavedAndARefusedOneKeepsTheRouteAndShowsWhy() {
    JsonObject booking = book("page-change", "3e B");
    browser.get(booking.getString("manage_url") + "?lang=fr");

    fill("pupils", "20");
    clickAndWaitForPage(By.id("change-submit"));
    assertEquals("Inscription mise à jour.", text("notice"));
    assertEquals("20", text("pupils"));

    fill("arrival", "12:00");
    fill("departure", "11:00");
    clickAndWaitForPage(By.id("change-submit"));
    WebElement errors = browser.findElement(By.id("errors"));
    assertEquals("departure", errors.findElement(By.cssSelector("li")).getAttribute("data-field"));
    assertTrue(errors.getText().contains("Départ du car"), "named as the form names it: " + errors.getText());
    assertEquals(3, browser.findElements(By.cssSelector("#route tbody tr")).size(), "the old route is kept");
    assertEquals("12:00", browser.findElement(By.name("arrival")).getAttribute("value"), "what was typed stays");
  }

  @Test
  void cancellingNeedsConfirmationThenFreesTheRoute() {
    JsonObject booking = book("page-cancel", "3e C");
    browser.get(booking.getString("manage_url") + "?lang=fr");

    browser.findElement(By.name("confirm")).click();
    clickAndWaitForPage(By.id("cancel-submit"));

    assertEquals("Annulée", text("status"));
    assertEquals("Inscription annulée.", text("notice"));
    assertTrue(browser.findElements(By.id("cancel-form")).isEmpty());
    assertFalse(browser.findElements(By.id("route-none")).isEmpty());
    assertTrue(browser.findElements(By.id("calendar")).isEmpty(), "no calendar of a cancelled booking");
    assertTrue(browser.findElements(By.id("print")).isEmpty(), "nothing to print");
    browser.get(booking.getString("manage_url") + "?lang=en");
    assertEquals("Cancelled", text("status"));
    assertTrue(browser.findElements(By.id("calendar")).isEmpty() && browser.findElements(By.id("print")).isEmpty());
    Screenshots.save(browser, "teacher-cancelled-en");
    String mail = BookingFixtures.single(app, "SELECT count(*) FROM outbox WHERE kind = 'booking_cancelled' "
        + "AND body LIKE '%/manage/%'", io.vertx.sqlclient.Tuple.tuple()) == 0 ? "no manage link" : "a manage link";
    assertEquals("no manage link", mail, "the cancellation email offers nothing to manage");
  }

  @Test
  void aWaitingClassIsToldWhyAndTakesATimeThatConfirmsItInOneClick() {
    Fair fair = BookingFixtures.fair(app, "page-waiting", 30);
    BookingFixtures.exec(app, "INSERT INTO sessions (fair_id, activity, title, kind, track_id, room_id, starts_at, "
        + "ends_at, capacity) SELECT fair_id, activity, title, kind, track_id, room_id, starts_at + interval '4 hours 30 minutes', "
        + "ends_at + interval '4 hours 30 minutes', capacity FROM sessions WHERE fair_id = $1 AND activity <> 'stands' "
        + "AND starts_at < $2::timestamptz", io.vertx.sqlclient.Tuple.of(fair.id(), java.time.OffsetDateTime.parse(
        "2027-01-14T10:30:00+01:00")));
    for (String uai : List.of("0330041A", "0330042B", "0330043C")) {
      api.book(fair.slug(), BookingRoutesTest.shortWindow(request(uai, "3e " + uai, 24, 2)));
    }
    browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book?lang=fr");
    String parts = browser.findElement(By.cssSelector("[data-parts='s-orienter']")).getText();
    assertTrue(parts.startsWith("Matin : ") && parts.contains("Après-midi : place pour 3 classes"), parts);
    browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book?lang=en");
    String partsEn = browser.findElement(By.cssSelector("[data-parts='s-orienter']")).getText();
    assertTrue(partsEn.startsWith("Morning: ") && partsEn.contains("Afternoon: room for 3 classes"), partsEn);
    JsonObject waiting = api.book(fair.slug(), BookingRoutesTest.shortWindow(request("0330044D", "3e Attente", 24, 2)))
        .bodyAsJsonObject();
    assertEquals("waitlisted", waiting.getString("status"));

    browser.get(waiting.getString("manage_url") + "?lang=en");
    assertTrue(text("waiting-reason").startsWith("No route has room yet for 26 people between 9:00 and 10:50"),
        text("waiting-reason"));
    assertTrue(windows().contains("Confirmed if the bus arrives at 13:30 and leaves at 15:20"), windows().toString());
    Screenshots.save(browser, "teacher-waiting-windows-en");
    browser.get(waiting.getString("manage_url") + "?lang=fr");
    assertTrue(text("waiting-reason").startsWith("Aucun parcours n'a encore de place pour 26 personnes entre 9 h et 10 h 50"),
        text("waiting-reason"));
    assertTrue(windows().contains("Confirmé si le car arrive à 13 h 30 et repart à 15 h 20"), windows().toString());
    Screenshots.save(browser, "teacher-waiting-windows");

    clickAndWaitForPage(By.cssSelector("button[data-window='13:30-15:20']"));
    assertEquals("Confirmée", text("status"));
    assertTrue(browser.findElements(By.id("waiting")).isEmpty());
    assertTrue(browser.findElements(By.cssSelector("#route tbody tr")).get(0).getText().startsWith("13:30"));
  }

  @Test
  void anUnknownLinkIsAFriendly404() {
    browser.get(app.config().publicUrl() + "/manage/no-such-token?lang=fr");
    assertEquals("Page introuvable", browser.findElement(By.tagName("h1")).getText());
    browser.get(app.config().publicUrl() + "/no/such/page");
    assertEquals("Page introuvable", browser.findElement(By.tagName("h1")).getText(), "a page, not JSON, for browsers");
  }

  private JsonObject book(String fairSlug, String className) {
    Fair fair = BookingFixtures.fair(app, fairSlug, 60);
    return api.book(fair.slug(), request("0330023A", className, 25, 2)).bodyAsJsonObject();
  }

  /** Sets a field as typing would; time inputs take their value directly (typing is locale-bound). */
  private void fill(String name, String value) {
    WebElement input = browser.findElement(By.name(name));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
  }

  /** The buttons offering times that would confirm the waiting class. */
  private List<String> windows() {
    return browser.findElements(By.cssSelector("form.confirm-window button")).stream().map(WebElement::getText).toList();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }
}
