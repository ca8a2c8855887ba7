package fr.parcours.booking;

import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.PageForms;
import fr.parcours.support.Screenshots;
import fr.parcours.support.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A teacher finds the fair on the home page and books a class through the form. */
class BookingFormBrowserTest extends BookingBrowserTest {

  @Test
  void fromTheHomePageToAConfirmedRoute() {
    Fair fair = BookingFixtures.fair(app, "form-happy", 60);
    browser.get(app.config().publicUrl() + "/");
    WebElement card = browser.findElement(By.id("fair-" + fair.slug()));
    assertTrue(card.getText().contains("Inscriptions ouvertes"), card.getText());
    clickAndWaitForPage(By.linkText("Inscrire une classe"));

    fillClass("3e B", "25", "2", "09:00", "12:30");
    clickAndWaitForPage(By.id("book-submit"));

    assertTrue(browser.findElement(By.id("notice")).getText().startsWith("Inscription enregistrée"));
    assertEquals("Confirmée", browser.findElement(By.id("status")).getText());
    assertEquals(3, browser.findElements(By.cssSelector("#route tbody tr")).size());
    String manageUrl = browser.findElement(By.id("manage-url")).getAttribute("value");
    assertTrue(manageUrl.startsWith(app.config().publicUrl() + "/manage/"), manageUrl);
    assertTrue(browser.findElement(By.cssSelector(".keep .subscribe a")).getAttribute("href").startsWith("webcal://"));
    Screenshots.save(browser, "teacher-confirmation");

    // Later, from the link in the confirmation email.
    browser.get(manageUrl);
    assertEquals("Confirmée", browser.findElement(By.id("status")).getText());
    clickAndWaitForPage(By.id("print"));
    assertEquals(3, browser.findElements(By.cssSelector("#route tbody tr")).size());
    assertTrue(browser.findElement(By.cssSelector("[data-print]")).isDisplayed(), "the script shows the print button");
    Screenshots.save(browser, "teacher-print");
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndSaysWhy() {
    Fair fair = BookingFixtures.fair(app, "form-refused", 60);
    browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book");

    fillClass("3e C", "25", "2", "12:00", "11:00");
    clickAndWaitForPage(By.id("book-submit"));

    WebElement errors = browser.findElement(By.id("errors"));
    assertEquals("departure", errors.findElement(By.cssSelector("li")).getAttribute("data-field"));
    assertTrue(errors.getText().contains("Départ du car"), "named as the form names it: " + errors.getText());
    assertEquals("3e C", browser.findElement(By.name("class.name")).getAttribute("value"));
    WebElement departure = browser.findElement(By.name("departure"));
    assertEquals("e-departure", departure.getAttribute("aria-describedby"));
    assertEquals("true", departure.getAttribute("aria-invalid"));
    WebElement nextToIt = departure.findElement(By.xpath("following-sibling::p[@class='field-error']"));
    assertFalse(nextToIt.getText().isBlank());
    Screenshots.save(browser, "teacher-form-errors");
    assertTrue(browser.findElement(By.cssSelector("input[name=track][value=s-orienter]")).isSelected());
  }

  @Test
  void levelsAndBusTimesArePickedFromListsAndTheAdultsNeededAreSaid() {
    Fair fair = BookingFixtures.fair(app, "form-lists", 60);
    for (String language : List.of("fr", "en")) {
      browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book?lang=" + language);
      List<String> levels = optionValues("class.level");
      assertEquals(List.of("", "4e", "3e", "2nde", "1re", "Terminale"), levels);
      List<String> arrivals = optionValues("arrival");
      assertEquals("08:30", arrivals.get(1), "from the opening");
      assertEquals("17:00", arrivals.get(arrivals.size() - 1), "to the closing");
      assertTrue(arrivals.contains("10:50"), "every 10 minutes");
      assertEquals(optionValues("arrival"), optionValues("departure"));
      assertEquals(language.equals("fr") ? "Au moins un adulte pour 15 élèves." : "At least one adult per 15 pupils.",
          browser.findElement(By.id("h-adults")).getText());
    }
    browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book?lang=fr");
    fillClass("3e E", "26", "0", "09:00", "12:30");
    Screenshots.save(browser, "teacher-form-lists");
    clickAndWaitForPage(By.id("book-submit"));
    WebElement adults = browser.findElement(By.name("adults"));
    assertEquals("true", adults.getAttribute("aria-invalid"), "26 pupils need 2 adults");
    assertEquals("3e", browser.findElement(By.name("class.level")).getAttribute("value"), "the level chosen stays");
    assertEquals("12:30", browser.findElement(By.name("departure")).getAttribute("value"), "the time chosen stays");
    assertEquals(0L, BookingFixtures.single(app, "SELECT count(*) FROM bookings WHERE fair_id = $1",
        io.vertx.sqlclient.Tuple.of(fair.id())));
  }

  @Test
  void tooFewAdultsIsRefusedBesideTheFieldAndTheOrganisersRatioAndLevelsAreTheFormsOwn() {
    for (String language : List.of("fr", "en")) {
      boolean fr = language.equals("fr");
      Fair fair = BookingFixtures.fair(app, "form-ratio-" + language, 60);
      String form = app.config().publicUrl() + "/fairs/" + fair.slug() + "/book?lang=" + language;
      browser.get(form);
      fillClass("3e F", "26", "0", "09:00", "12:30");
      clickAndWaitForPage(By.id("book-submit"));
      String refusal = browser.findElement(By.id("e-adults")).getText().toLowerCase(Locale.ROOT);
      assertTrue(refusal.contains(fr ? "il manque 2 accompagnateurs" : "2 accompanying adults missing"), refusal);
      assertTrue(refusal.contains(fr ? "un adulte pour 15 élèves" : "one adult per 15 pupils"), refusal);
      assertEquals("e-adults", browser.findElement(By.name("adults")).getAttribute("aria-describedby"));
      Screenshots.save(browser, "teacher-form-too-few-adults-" + language);

      HttpResponse<Buffer> rules = TestApp.send(TestApp.authorized(
              app.client().put("/api/fairs/" + fair.slug() + "/booking-rules"), fair.ownerToken()),
          new JsonObject().put("pupils_per_adult", 10)
              .put("levels", new JsonArray(List.of("6e", "5e", "4e", "3e"))));
      assertEquals(200, rules.statusCode(), rules.bodyAsString());
      browser.get(form);
      assertEquals(List.of("", "6e", "5e", "4e", "3e"), optionValues("class.level"), "the fair's own levels");
      assertEquals(fr ? "Au moins un adulte pour 10 élèves." : "At least one adult per 10 pupils.",
          browser.findElement(By.id("h-adults")).getText());
      fillClass("3e F", "26", "2", "09:00", "12:30");
      clickAndWaitForPage(By.id("book-submit"));
      String tighter = browser.findElement(By.id("e-adults")).getText().toLowerCase(Locale.ROOT);
      assertTrue(tighter.contains(fr ? "il manque 1 accompagnateur " : "1 accompanying adult missing"), tighter);
      type("adults", "3");
      clickAndWaitForPage(By.id("book-submit"));
      assertEquals(fr ? "Confirmée" : "Confirmed", browser.findElement(By.id("status")).getText());
    }
  }

  @Test
  void aFairNotOpenYetSaysWhenAndShowsNoFormAndAFairWithoutSessionsSaysSo() {
    Fair fair = BookingFixtures.fair(app, "form-soon", 60);
    // Far ahead, so the test never meets the day (a Thursday, as 3 December 2026 was, when this
    // date was that day's and the test broke at its 9 o'clock).
    BookingFixtures.exec(app, "UPDATE fairs SET registration_opens_at = '2099-12-03T09:00:00+01:00', "
        + "registration_closes_at = '2100-01-10T18:00:00+01:00' WHERE id = $1", io.vertx.sqlclient.Tuple.of(fair.id()));
    for (String language : List.of("fr", "en")) {
      browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book?lang=" + language);
      assertEquals(language.equals("fr") ? "Inscriptions à partir du jeudi 3 décembre 2099, 9 h."
          : "Registration opens on Thursday 3 December 2099, 9:00.", browser.findElement(By.id("closed")).getText());
      assertTrue(browser.findElements(By.id("book-form")).isEmpty(), "no form to fill in vain");
      browser.get(app.config().publicUrl() + "/?lang=" + language);
      assertTrue(browser.findElement(By.id("fair-" + fair.slug())).getText().contains(language.equals("fr")
          ? "Inscriptions à partir du jeudi 3 décembre 2099" : "Registration opens on Thursday 3 December 2099"));
    }
    Screenshots.save(browser, "home-registration-soon");

    Fair empty = BookingFixtures.fair(app, "form-empty", 60);
    BookingFixtures.exec(app, "DELETE FROM sessions WHERE fair_id = $1", io.vertx.sqlclient.Tuple.of(empty.id()));
    for (String language : List.of("fr", "en")) {
      browser.get(app.config().publicUrl() + "/fairs/" + empty.slug() + "/book?lang=" + language);
      assertTrue(browser.findElement(By.id("not-planned")).getText().startsWith(language.equals("fr")
          ? "Le programme du salon n'est pas encore en place" : "The fair's programme is not in place yet"));
      assertTrue(browser.findElements(By.id("book-form")).isEmpty());
    }
  }

  private List<String> optionValues(String name) {
    return browser.findElement(By.name(name)).findElements(By.tagName("option")).stream()
        .map(option -> option.getAttribute("value")).toList();
  }

  @Test
  void theSameFormSentTwiceBooksOnce() {
    Fair fair = BookingFixtures.fair(app, "form-twice", 60);
    MultiMap form = BookingFixtures.form("double-click-1");

    HttpResponse<Buffer> first = PageForms.post(app, "/fairs/" + fair.slug() + "/book", form);
    HttpResponse<Buffer> second = PageForms.post(app, "/fairs/" + fair.slug() + "/book", form);

    assertEquals(303, first.statusCode());
    assertEquals(first.getHeader("Location"), second.getHeader("Location"));
    assertEquals(1L, BookingFixtures.single(app, "SELECT count(*) FROM bookings WHERE fair_id = $1",
        io.vertx.sqlclient.Tuple.of(fair.id())));
  }

  private void fillClass(String className, String pupils, String adults, String arrival, String departure) {
    TeacherForm.fillClass(browser, className, pupils, adults);
    browser.findElement(By.cssSelector("input[name=track][value=s-orienter]")).click();
    choose("arrival", arrival);
    choose("departure", departure);
  }

  private void type(String name, String value) {
    TeacherForm.type(browser, name, value);
  }
}
