package fr.parcours.admin;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.Browser;
import fr.parcours.support.DemoBrowserTest;
import fr.parcours.support.TestApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Locale;

import static fr.parcours.association.AssociationApi.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organiser sets a fair's booking rules in words a teacher uses ("1 adulte pour … élèves"),
 * from the set-up steps; a bad value is refused beside its field; the booking form then asks
 * what the rules say. In French and in English.
 */
class BookingRulesBrowserTest extends DemoBrowserTest {

  @Test
  void theOrganiserTightensTheRatioAndTheBookingFormRefusesTooFewAdultsInFrench() {
    AssociationApi fair = fairWithASession("regles-encadrement");
    rulesPage(fair, "fr");
    assertEquals("1 adulte pour élèves", label("pupils_per_adult"), "said as a teacher says it");
    assertEquals("15", browser.findElement(By.id("f-pupils_per_adult")).getAttribute("value"), "the usual ratio");
    assertEquals("Au plus classes par établissement", label("max_classes_per_school"));
    assertEquals("", browser.findElement(By.id("f-max_classes_per_school")).getAttribute("value"), "no cap");
    assertEquals(List.of("4e", "3e", "2nde", "1re", "Terminale"), ticked(), "the usual levels, all received");

    type("pupils_per_adult", "0");
    Browser.clickAndWaitForPage(browser, By.id("rules-submit"));
    assertEquals("doit valoir au moins 1", browser.findElement(By.id("e-pupils_per_adult")).getText());
    assertEquals("true", browser.findElement(By.id("f-pupils_per_adult")).getAttribute("aria-invalid"));
    assertTrue(browser.findElement(By.id("errors")).getText().contains("Élèves par adulte"),
        browser.findElement(By.id("errors")).getText());
    screenshot("admin-booking-rules-refused-fr");

    type("pupils_per_adult", "10");
    type("max_classes_per_school", "2");
    browser.findElement(By.cssSelector("input[name=levels][value=Terminale]")).click();
    Browser.clickAndWaitForPage(browser, By.id("rules-submit"));
    assertEquals("Règles enregistrées. Voir le formulaire d'inscription", browser.findElement(By.id("saved")).getText());
    assertEquals("10", browser.findElement(By.id("f-pupils_per_adult")).getAttribute("value"));
    assertEquals("2", browser.findElement(By.id("f-max_classes_per_school")).getAttribute("value"));
    assertEquals(List.of("4e", "3e", "2nde", "1re"), ticked());
    screenshot("admin-booking-rules-fr");

    String refusal = bookWithOneAdult(fair, "fr");
    assertTrue(refusal.contains("il manque 2 accompagnateurs") && refusal.contains("un adulte pour 10 élèves"), refusal);
    screenshot("teacher-form-organisers-ratio-fr");
  }

  @Test
  void theOrganiserTightensTheRatioAndTheBookingFormRefusesTooFewAdultsInEnglish() {
    AssociationApi fair = fairWithASession("rules-supervision");
    rulesPage(fair, "en");
    assertEquals("1 adult for pupils", label("pupils_per_adult"));
    assertEquals("At most pupils per school on one track", label("max_pupils_per_school_per_track"));

    type("pupils_per_adult", "2.5");
    Browser.clickAndWaitForPage(browser, By.id("rules-submit"));
    assertEquals("must be a whole number", browser.findElement(By.id("e-pupils_per_adult")).getText());
    assertEquals("2.5", browser.findElement(By.id("f-pupils_per_adult")).getAttribute("value"), "what was typed stays");

    browser.findElements(By.cssSelector("input[name=levels]:checked")).forEach(WebElement::click);
    type("pupils_per_adult", "10");
    Browser.clickAndWaitForPage(browser, By.id("rules-submit"));
    assertEquals("is required", browser.findElement(By.id("e-levels")).getText(), "no level at all is a mistake");
    screenshot("admin-booking-rules-refused-en");

    browser.findElement(By.cssSelector("input[name=levels][value='3e']")).click();
    Browser.clickAndWaitForPage(browser, By.id("rules-submit"));
    assertEquals("10", browser.findElement(By.id("f-pupils_per_adult")).getAttribute("value"));
    screenshot("admin-booking-rules-en");

    String refusal = bookWithOneAdult(fair, "en");
    assertTrue(refusal.contains("2 accompanying adults missing") && refusal.contains("one adult per 10 pupils"), refusal);
  }

  /** A published fair open for booking, with one talk in one room on its track. */
  private static AssociationApi fairWithASession(String slug) {
    AssociationApi fair = new AssociationApi(app, slug);
    fair.room("amphi", "Amphi", 120);
    fair.create(fair.base + "/sessions", new JsonObject().put("title", "Les métiers de la mer").put("kind", "talk")
        .put("track", "s-orienter").put("room", "amphi").put("capacity", 120)
        .put("starts_at", DAY + "T09:00:00+01:00").put("ends_at", DAY + "T09:40:00+01:00"));
    return fair;
  }

  /** Signs in, then reaches the rules from the fair's set-up steps. */
  private void rulesPage(AssociationApi fair, String language) {
    browser.get(url("/admin?lang=" + language));
    browser.findElement(By.id("f-email")).sendKeys(fair.slug + "@organiser.test");
    browser.findElement(By.id("f-password")).sendKeys(TestApp.ORGANISER_PASSWORD);
    Browser.clickAndWaitForPage(browser, By.id("login-submit"));
    browser.get(url("/admin/fairs/" + fair.slug + "/settings?lang=" + language));
    Browser.clickAndWaitForPage(browser, By.id("step-rules"));
    assertTrue(browser.getCurrentUrl().contains("/admin/fairs/" + fair.slug + "/booking-rules"), browser.getCurrentUrl());
    assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"));
  }

  /** The teacher's form: the ratio said under the adults, then 26 pupils with one adult: the refusal beside it. */
  private String bookWithOneAdult(AssociationApi fair, String language) {
    browser.get(url("/fairs/" + fair.slug + "/book?lang=" + language));
    assertEquals(language.equals("fr") ? "Au moins un adulte pour 10 élèves." : "At least one adult per 10 pupils.",
        browser.findElement(By.id("h-adults")).getText());
    List<String> levels = browser.findElement(By.name("class.level")).findElements(By.tagName("option")).stream()
        .map(option -> option.getAttribute("value")).filter(level -> !level.isEmpty()).toList();
    assertTrue(levels.contains("3e") && !levels.contains("Terminale"), "the levels ticked: " + levels);
    type("school.name", "Collège Jean Moulin");
    type("school.uai", "0330023A");
    type("school.city", "Bordeaux");
    type("teacher.name", "Mme Durand");
    type("teacher.email", "durand@ac-bordeaux.fr");
    type("class.name", "3e B");
    new Select(browser.findElement(By.name("class.level"))).selectByValue("3e");
    type("pupils", "26");
    type("adults", "1");
    browser.findElement(By.cssSelector("input[name=track][value=s-orienter]")).click();
    new Select(browser.findElement(By.name("arrival"))).selectByValue("09:00");
    new Select(browser.findElement(By.name("departure"))).selectByValue("12:00");
    Browser.clickAndWaitForPage(browser, By.id("book-submit"));
    assertEquals("true", browser.findElement(By.name("adults")).getAttribute("aria-invalid"));
    return browser.findElement(By.id("e-adults")).getText().toLowerCase(Locale.ROOT);
  }

  private String label(String field) {
    return browser.findElement(By.cssSelector("label[for=f-" + field + "]")).getText().replaceAll("\\s+", " ").strip();
  }

  private List<String> ticked() {
    return browser.findElements(By.cssSelector("input[name=levels]:checked")).stream()
        .map(box -> box.getAttribute("value")).toList();
  }

  private void type(String name, String value) {
    WebElement input = browser.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }
}
