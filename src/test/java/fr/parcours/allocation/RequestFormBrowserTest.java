package fr.parcours.allocation;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.booking.TeacherForm;
import fr.parcours.support.Browser;
import fr.parcours.support.Screenshots;
import fr.parcours.support.ServerTest;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fair in allocation mode: its booking page is the request form; the request's page changes, withdraws, then shows what it became. */
class RequestFormBrowserTest extends ServerTest {

  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  private static BookingFixtures.Fair fair(String slug) {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, slug, 60);
    sql("INSERT INTO tracks (fair_id, slug, name) VALUES ($1, 'se-connaitre', 'Se connaître')", Tuple.of(fair.id()));
    sql("UPDATE fairs SET registration_mode = 'allocation', requests_open_at = now() - interval '1 day', "
        + "requests_close_at = now() + interval '10 days', allocation_at = now() + interval '11 days' WHERE id = $1",
        Tuple.of(fair.id()));
    return fair;
  }

  private static void sql(String statement, Tuple args) {
    await(app.pool().preparedQuery(statement).execute(args));
  }

  @Test
  void aTeacherFilesChangesAndWithdrawsARequestInFrench() {
    BookingFixtures.Fair fair = fair("demande-fr");
    browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book");
    assertTrue(browser.findElement(By.id("allocation-date")).getText().startsWith("Attribution des places le"));
    assertEquals("1er choix", browser.findElement(By.cssSelector("label[for=f-choice1]")).getText());
    assertTrue(browser.findElements(By.name("track")).isEmpty(), "no track to pick: choices instead");
    fillClass("3e B", "25", "0");
    choose("choice1", "se-connaitre");
    choose("choice2", "se-connaitre");
    Browser.clickAndWaitForPage(browser, By.id("request-submit"));

    // Refused beside their fields, what was typed kept: the form's problems first, then the fair's rules.
    assertTrue(browser.findElement(By.id("e-choice2")).getText().contains("deux fois"), browser.findElement(By.id("e-choice2")).getText());
    assertEquals("3e B", browser.findElement(By.name("class.name")).getAttribute("value"));
    assertEquals("se-connaitre", new Select(browser.findElement(By.name("choice1"))).getFirstSelectedOption().getAttribute("value"));
    Screenshots.save(browser, "request-form-errors");
    choose("choice2", "s-orienter");
    Browser.clickAndWaitForPage(browser, By.id("request-submit"));
    WebElement adults = browser.findElement(By.name("adults"));
    assertEquals("true", adults.getAttribute("aria-invalid"));
    assertTrue(browser.findElement(By.id("e-adults")).getText().contains("accompagnateur"), browser.findElement(By.id("e-adults")).getText());
    assertEquals("s-orienter", new Select(browser.findElement(By.name("choice2"))).getFirstSelectedOption().getAttribute("value"));

    type("adults", "2");
    browser.findElement(By.name("any_other")).click();
    choose("window2.arrival", "13:00");
    choose("window2.departure", "16:00");
    Browser.clickAndWaitForPage(browser, By.id("request-submit"));

    assertTrue(browser.findElement(By.id("done")).getText().startsWith("Demande déposée"));
    assertTrue(browser.findElement(By.id("request-status")).getText().contains("aucune place n'est encore attribuée"));
    assertEquals(List.of("Se connaître", "S'orienter"), browser.findElements(By.cssSelector("#request-choices li"))
        .stream().map(WebElement::getText).toList());
    assertTrue(browser.getCurrentUrl().contains(RequestLinks.PAGE), browser.getCurrentUrl());
    Screenshots.save(browser, "request-filed");

    type("pupils", "20");
    Browser.clickAndWaitForPage(browser, By.id("request-submit"));
    assertEquals("Demande modifiée.", browser.findElement(By.id("done")).getText());
    assertTrue(browser.findElement(By.id("request-summary")).getText().contains("20 Élèves"),
        browser.findElement(By.id("request-summary")).getText());
    assertEquals("13:00", new Select(browser.findElement(By.name("window2.arrival"))).getFirstSelectedOption().getAttribute("value"));

    Browser.clickAndWaitForPage(browser, By.id("request-withdraw"));
    assertTrue(browser.findElement(By.id("request-status")).getText().startsWith("Demande retirée"));
    assertTrue(browser.findElements(By.id("request-form")).isEmpty(), "nothing left to change");
  }

  @Test
  void aTeacherFilesARequestInEnglishAndLaterSeesTheBookingItBecame() {
    BookingFixtures.Fair fair = fair("demande-en");
    browser.get(app.config().publicUrl() + "/fairs/" + fair.slug() + "/book?lang=en");
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(browser.findElement(By.id("allocation-date")).getText().startsWith("Places are allocated on"));
    assertEquals("1st choice", browser.findElement(By.cssSelector("label[for=f-choice1]")).getText());
    fillClass("4e A", "24", "2");
    choose("choice1", "s-orienter");
    Browser.clickAndWaitForPage(browser, By.id("request-submit"));
    assertTrue(browser.findElement(By.id("done")).getText().startsWith("Request filed"));
    Screenshots.save(browser, "request-filed-en");
    String page = browser.getCurrentUrl();

    // The allocation's publishing (another helper's) makes a booking of it.
    String booking = await(app.pool().preparedQuery("INSERT INTO bookings (fair_id, track_id, manage_token, school_name, "
        + "school_uai, school_city, teacher_name, teacher_email, class_name, class_level, pupils, adults, day, arrival, "
        + "departure, status, language) SELECT fair_id, $2, 'tok-' || id, school_name, school_uai, school_city, teacher_name, "
        + "teacher_email, class_name, class_level, pupils, adults, DATE '2027-01-14', '09:00', '12:30', 'confirmed', 'en' "
        + "FROM class_requests WHERE fair_id = $1 RETURNING manage_token")
        .execute(Tuple.of(fair.id(), fair.trackId()))).iterator().next().getString(0);
    sql("UPDATE class_requests SET status = 'confirmed', booking_id = (SELECT id FROM bookings WHERE manage_token = $2) "
        + "WHERE fair_id = $1", Tuple.of(fair.id(), booking));
    browser.get(page.replaceAll("\\?.*", "") + "?lang=en");
    assertTrue(browser.findElement(By.id("request-status")).getText().contains("its booking is confirmed"));
    assertTrue(browser.findElement(By.cssSelector("#booking-link a")).getAttribute("href").endsWith("/manage/" + booking));
    assertTrue(browser.findElements(By.id("request-form")).isEmpty());
    Screenshots.save(browser, "request-became-en");
  }

  private void fillClass(String className, String pupils, String adults) {
    TeacherForm.fillClass(browser, className, pupils, adults);
    choose("arrival", "09:00");
    choose("departure", "12:30");
  }

  private void choose(String name, String value) {
    TeacherForm.choose(browser, name, value);
  }

  private void type(String name, String value) {
    TeacherForm.type(browser, name, value);
  }
}
