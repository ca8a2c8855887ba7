package fr.parcours.admin;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static fr.parcours.association.AssociationApi.DAY;
import static fr.parcours.association.AssociationApi.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser sets up a fair, reviews the associations' offers and builds the programme on the grid. */
class OrganiserPagesBrowserTest extends DemoBrowserTest {

  @Test
  void theOrganiserSetsUpAFairWithADayATrackAndARoom() {
    signIn("demo@parcours.local", "parcours-demo");
    Browser.clickAndWaitForPage(browser, By.id("new-fair"));
    Browser.clickAndWaitForPage(browser, By.id("setup-submit"));
    assertFalse(browser.findElement(By.id("e-name")).getText().isBlank(), "a missing name is said next to its field");
    screenshot("admin-new-fair-refused");

    type("f-name", "Salon de Mérignac");
    type("f-city", "Mérignac");
    type("f-slug", "salon-merignac");
    type("f-day0-date", DAY);
    type("f-day0-opens", "08:30");
    type("f-day0-closes", "17:00");
    Browser.clickAndWaitForPage(browser, By.id("setup-submit"));
    assertTrue(browser.getCurrentUrl().endsWith("/admin/fairs/salon-merignac/grid"), browser.getCurrentUrl());
    Browser.clickAndWaitForPage(browser, By.id("step-settings"));
    type("f-registration_opens_at", "2027-01-05T09:00");
    type("f-registration_closes_at", "2027-03-01T18:00");
    Browser.clickAndWaitForPage(browser, By.id("fair-submit"));
    assertTrue(browser.getCurrentUrl().endsWith("/admin/fairs/salon-merignac/settings"), browser.getCurrentUrl());
    assertEquals("2027-01-05T09:00", browser.findElement(By.id("f-registration_opens_at")).getAttribute("value"),
        "the window is read and shown on the fair's clock");

    Browser.clickAndWaitForPage(browser, By.id("kind-tracks"));
    assertFalse(browser.findElement(By.id("f-tracks-slug")).isDisplayed(), "no slug unless asked: made from the name");
    type("f-tracks-name", "S'orienter");
    type("f-tracks-class_size", "28");
    Browser.clickAndWaitForPage(browser, By.id("resource-submit"));
    assertTrue(browser.findElement(By.id("resources")).getText().contains("S'orienter"));

    Browser.clickAndWaitForPage(browser, By.id("kind-venues"));
    type("f-venues-name", "Le Pin Galant");
    type("f-venues-address", "34 avenue du Maréchal de Lattre de Tassigny");
    type("f-venues-city", "Mérignac");
    Browser.clickAndWaitForPage(browser, By.id("resource-submit"));

    Browser.clickAndWaitForPage(browser, By.id("kind-rooms"));
    type("f-rooms-name", "Grande salle");
    type("f-rooms-capacity", "zero");
    Browser.clickAndWaitForPage(browser, By.id("resource-submit"));
    assertFalse(browser.findElement(By.id("e-rooms-capacity")).getText().isBlank(), "the refusal next to its field");
    type("f-rooms-capacity", "300");
    new Select(browser.findElement(By.id("f-rooms-kind"))).selectByValue("conference");
    Browser.clickAndWaitForPage(browser, By.id("resource-submit"));
    WebElement rooms = browser.findElement(By.id("resources"));
    assertTrue(rooms.getText().contains("Grande salle") && rooms.getText().contains("Le Pin Galant"), rooms.getText());
    assertTrue(rooms.getText().contains("Salle de conférence") && rooms.getText().contains("oui"),
        "kinds and yes or no in words: " + rooms.getText());
    assertFalse(rooms.getText().matches("(?s).*\\b(pin-galant|grande-salle|conference|true|false)\\b.*"),
        "no slug, no raw value: " + rooms.getText());
    screenshot("admin-rooms");

    Browser.clickAndWaitForPage(browser, By.id("edit-grande-salle"));
    type("f-rooms-capacity", "250");
    Browser.clickAndWaitForPage(browser, By.id("resource-submit"));
    assertTrue(browser.findElement(By.id("resources")).getText().contains("250"));

    Browser.clickAndWaitForPage(browser, By.id("nav-settings"));
    Browser.clickAndWaitForPage(browser, By.id("publish"));
    assertFalse(browser.findElements(By.id("unpublish")).isEmpty(), "published");
    screenshot("admin-fair-settings");
  }

  @Test
  void theOrganiserReviewsOffersAndPlacesThemSeeingTheirConflicts() {
    AssociationApi fair = new AssociationApi(app, "salon-grille");
    room(fair, "amphi", "Amphi", 120);
    room(fair, "salle-1", "Salle 1", 60);
    long first = slot(fair, "09:00", "09:40");
    long second = slot(fair, "10:00", "10:40");
    String ocean = fair.signedIn("Océan Propre", "ocean@grille.test");
    String barreau = fair.signedIn("Barreau de Bordeaux", "barreau@grille.test");
    long sea = fair.propose(ocean, offer("Les métiers de la mer", 1, "09:00", "12:00"));
    long law = fair.propose(barreau, offer("Devenir avocat", 1, "09:00", "12:00"));
    long off = fair.propose(barreau, offer("Visite du tribunal", 1, "09:00", "12:00"));

    signIn(fair.slug + "@organiser.test", TestApp.ORGANISER_PASSWORD);
    Browser.clickAndWaitForPage(browser, By.id("offers-" + fair.slug));
    assertTrue(browser.findElement(By.id("offer-" + sea)).getText().contains("ocean@grille.test"), "the contact");
    Browser.clickAndWaitForPage(browser, By.id("decline-" + off));
    assertTrue(browser.findElement(By.id("e-message-" + off)).getText().contains("est obligatoire pour décliner"),
        "declining without a message is refused next to the message, in the page's language");
    type("message-" + off, "Une visite ne tient pas dans un créneau de 40 minutes.");
    Browser.clickAndWaitForPage(browser, By.id("decline-" + off));
    assertTrue(browser.findElement(By.id("group-declined")).getText().contains("Visite du tribunal"));
    Browser.clickAndWaitForPage(browser, By.id("accept-" + sea));
    Browser.clickAndWaitForPage(browser, By.id("accept-" + law));
    assertTrue(browser.findElement(By.id("group-accepted")).getText().contains("Devenir avocat"));
    screenshot("admin-offers");

    Browser.clickAndWaitForPage(browser, By.id("nav-programme"));
    place(sea, "amphi", first);
    assertTrue(browser.findElement(By.cssSelector("table.placement")).getText().contains("Les métiers de la mer"));
    place(law, "amphi", first);
    WebElement conflicts = browser.findElement(By.id("conflicts-" + law));
    assertTrue(conflicts.getText().contains("Les métiers de la mer") && conflicts.getText().contains("Amphi"),
        "the refusal names the other session: " + conflicts.getText());
    screenshot("admin-programme-refused");

    place(law, "salle-1", first);
    assertTrue(browser.findElement(By.id("capacity-review")).getText().contains("4 → 0 classe"),
        "both talks at 9:00 leave no whole route: asked first");
    Browser.clickAndWaitForPage(browser, By.id("confirm-change"));
    TestApp.send(TestApp.authorized(app.client().patch(fair.base + "/tracks/s-orienter"), fair.organiser),
        new JsonObject().put("class_size", 90));
    browser.navigate().refresh();
    WebElement lawCard = browser.findElement(By.cssSelector("[data-offer='" + law + "']"));
    assertTrue(lawCard.getAttribute("class").contains("conflict") && lawCard.getText().contains("Salle 1 compte 60 places"),
        "a conflict the programme holds now is shown on the grid: " + lawCard.getText());
    assertEquals("1", browser.findElement(By.id("conflict-count")).getText().replaceAll("\\D", ""));
    screenshot("admin-programme-conflicts");

    browser.findElement(By.cssSelector("#offer-" + sea + " summary")).click();
    new Select(browser.findElement(By.id("slot-" + sea))).selectByValue(String.valueOf(second));
    Browser.clickAndWaitForPage(browser, By.id("place-submit-" + sea));
    browser.findElement(By.cssSelector("#offer-" + law + " summary")).click();
    Browser.clickAndWaitForPage(browser, By.id("unplace-submit-" + law));
    assertTrue(browser.findElement(By.id("waiting")).getText().contains("Devenir avocat"), "back among those to place");
    assertTrue(browser.findElement(By.id("session-" + sessionOf(sea))).getText().contains("10:00"));

    browser.findElement(By.id("pick-" + law)).click();
    Browser.clickAndWaitForPage(browser, By.cssSelector("td[data-room='amphi'][data-slot='" + first + "']"));
    assertTrue(browser.findElement(By.cssSelector("td[data-room='amphi'][data-slot='" + first + "']")).getText()
        .contains("Devenir avocat"), "placed by a click on the grid's cell");
  }

  private void signIn(String email, String password) {
    browser.get(url("/admin?lang=fr"));
    browser.findElement(By.id("f-email")).sendKeys(email);
    browser.findElement(By.id("f-password")).sendKeys(password);
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
  }

  /** Sets a field's value as typing would (date and time inputs read typed keys in the browser's locale). */
  private void type(String id, String value) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)),
        value);
  }

  private void place(long offer, String room, long slot) {
    new Select(browser.findElement(By.id("room-" + offer))).selectByValue(room);
    new Select(browser.findElement(By.id("slot-" + offer))).selectByValue(String.valueOf(slot));
    Browser.clickAndWaitForPage(browser, By.id("place-submit-" + offer));
  }

  private static void room(AssociationApi fair, String slug, String name, int capacity) {
    fair.create(fair.base + "/rooms", new JsonObject().put("slug", slug).put("name", name).put("venue", "hotel")
        .put("kind", "conference").put("capacity", capacity));
  }

  private static long slot(AssociationApi fair, String from, String until) {
    return fair.create(fair.base + "/slots", new JsonObject().put("starts_at", DAY + "T" + from + ":00+01:00")
        .put("ends_at", DAY + "T" + until + ":00+01:00")).getLong("id");
  }

  private static long sessionOf(long offer) {
    return TestApp.await(app.pool().preparedQuery("SELECT session_id FROM offers WHERE id = $1")
        .execute(Tuple.of(offer))).iterator().next().getLong(0);
  }
}
