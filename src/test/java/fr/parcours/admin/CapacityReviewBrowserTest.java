package fr.parcours.admin;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static fr.parcours.association.AssociationApi.DAY;
import static fr.parcours.association.AssociationApi.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The placement grid shows each track's capacity per part of the day, and a change that would
 * lower it is shown before and after and waits for the organiser's confirmation; a change that
 * does not lower it is applied at once. The grid's "choose on the grid" outlines free cells only.
 */
class CapacityReviewBrowserTest extends DemoBrowserTest {

  @Test
  void aMoveThatLowersATrackAsksFirstAndOneThatDoesNotIsApplied() {
    AssociationApi fair = new AssociationApi(app, "salon-capacite");
    fair.room("amphi", "Amphi", 120);
    fair.room("salle-1", "Salle 1", 30);
    long first = slot(fair, "09:00", "09:40");
    long second = slot(fair, "10:00", "10:40");
    long sea = fair.accepted(fair.signedIn("Océan Propre", "ocean@capacite.test"),
        offer("Les métiers de la mer", 2, "09:00", "17:00"));
    long law = fair.accepted(fair.signedIn("Barreau de Bordeaux", "barreau@capacite.test"),
        offer("Devenir avocat", 2, "09:00", "17:00"));
    fair.place(sea, "amphi", "09:00", 200);
    fair.place(law, "amphi", "10:00", 200);

    signIn(fair);
    browser.get(url("/admin/fairs/" + fair.slug + "/programme?lang=fr"));
    assertEquals(List.of("4 classes · 120 places", "0 classe · 0 place", "4 classes · 120 places"), capacity("now"),
        "a class of 30 follows both talks in the Amphi: four in the morning, none after 12:30");

    move(law, "salle-1", second);
    assertTrue(text("review-title").startsWith("Ce changement réduit la capacité"), text("review-title"));
    assertEquals(List.of("4 → 1 classe · 120 → 30 places", "0 → 0 classe · 0 → 0 place", "4 → 1 classe · 120 → 30 places"),
        capacity("effect"));
    assertEquals(2, browser.findElements(By.cssSelector("#capacity-effect td.lowered")).size());
    screenshot("admin-programme-capacity-review");
    Browser.clickAndWaitForPage(browser, By.id("keep-programme"));
    assertTrue(cell("amphi", second).contains("Devenir avocat"), "nothing changed: " + cell("amphi", second));

    move(law, "salle-1", second);
    Browser.clickAndWaitForPage(browser, By.id("confirm-change"));
    assertTrue(cell("salle-1", second).contains("Devenir avocat"), "moved once confirmed");
    assertEquals("1 classe · 30 places", capacity("now").get(0));

    move(law, "amphi", second);
    assertTrue(browser.findElements(By.id("capacity-review")).isEmpty(), "a change raising capacity asks nothing");
    assertTrue(cell("amphi", second).contains("Devenir avocat"));
    assertEquals("4 classes · 120 places", capacity("now").get(0));

    browser.findElement(By.cssSelector("#offer-" + law + " summary")).click();
    browser.findElement(By.id("pick-" + law)).click();
    assertEquals(List.of(), browser.findElements(By.cssSelector("td[data-free]")).stream()
        .filter(td -> !td.getText().isBlank()).map(td -> td.getText()).toList(), "occupied cells are not outlined");
    assertTrue(browser.findElements(By.cssSelector("td[data-room='amphi'][data-slot='" + first + "'][data-free]")).isEmpty());
    assertEquals(2, browser.findElements(By.cssSelector("td[data-free]")).size(), "the two free cells of Salle 1");
  }

  @Test
  void anAcceptedOfferIsPlacedOnceMoreInAnotherRoomAndSlot() {
    AssociationApi fair = new AssociationApi(app, "salon-repris");
    fair.room("amphi", "Amphi", 120);
    fair.room("salle-1", "Salle 1", 30);
    long first = slot(fair, "09:00", "09:40");
    long second = slot(fair, "10:00", "10:40");
    long law = fair.accepted(fair.signedIn("Barreau de Bordeaux", "barreau@repris.test"),
        offer("Devenir avocat", 1, "09:00", "17:00"));
    fair.place(law, "amphi", "09:00", 200);
    long told = fair.messageCount("barreau@repris.test");

    signIn(fair);
    browser.get(url("/admin/fairs/" + fair.slug + "/programme?lang=fr"));
    browser.findElement(By.cssSelector("#again-" + law + " summary")).click();
    new Select(browser.findElement(By.id("room-again-" + law))).selectByValue("salle-1");
    new Select(browser.findElement(By.id("slot-again-" + law))).selectByValue(String.valueOf(second));
    Browser.clickAndWaitForPage(browser, By.id("place-submit-again-" + law));
    assertTrue(cell("amphi", first).contains("Devenir avocat"), "the first showing stays");
    assertTrue(cell("salle-1", second).contains("Devenir avocat"), "given once more: " + cell("salle-1", second));
    assertEquals("5 classes · 150 places", capacity("now").get(0), "a class takes either showing");
    screenshot("admin-programme-repeated-offer");
    assertEquals(told + 1, fair.messageCount("barreau@repris.test"), "one placement action, one email");
    String body = fair.lastMessage("barreau@repris.test", "offer_placed").getString("body");
    assertTrue(body.contains("Amphi") && body.contains("Salle 1"), "the email lists both showings: " + body);

    browser.findElement(By.cssSelector("#again-" + law + " summary")).click();
    new Select(browser.findElement(By.id("room-again-" + law))).selectByValue("salle-1");
    new Select(browser.findElement(By.id("slot-again-" + law))).selectByValue(String.valueOf(first));
    Browser.clickAndWaitForPage(browser, By.id("place-submit-again-" + law));
    assertTrue(browser.findElement(By.id("conflicts-again-" + law)).getText().contains("Devenir avocat"),
        "its one person cannot give it twice at 9:00: " + browser.findElement(By.id("conflicts-again-" + law)).getText());
    assertEquals(told + 1, fair.messageCount("barreau@repris.test"), "a refused placing tells no one");
  }

  private void signIn(AssociationApi fair) {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys(fair.slug + "@organiser.test");
    browser.findElement(By.id("f-password")).sendKeys(TestApp.ORGANISER_PASSWORD);
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
  }

  private void move(long offer, String room, long slot) {
    browser.findElement(By.cssSelector("#offer-" + offer + " summary")).click();
    new Select(browser.findElement(By.id("room-" + offer))).selectByValue(room);
    new Select(browser.findElement(By.id("slot-" + offer))).selectByValue(String.valueOf(slot));
    Browser.clickAndWaitForPage(browser, By.id("place-submit-" + offer));
  }

  /** The cells of the track's row in the capacity table ("now") or the change's ("effect"). */
  private List<String> capacity(String table) {
    return browser.findElements(By.cssSelector("#capacity-" + table + " tr[data-track='s-orienter'] td")).stream()
        .map(td -> td.getText().strip()).toList();
  }

  private String cell(String room, long slot) {
    return browser.findElement(By.cssSelector("td[data-room='" + room + "'][data-slot='" + slot + "']")).getText();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static long slot(AssociationApi fair, String from, String until) {
    return fair.create(fair.base + "/slots", new JsonObject().put("starts_at", DAY + "T" + from + ":00+01:00")
        .put("ends_at", DAY + "T" + until + ":00+01:00")).getLong("id");
  }
}
