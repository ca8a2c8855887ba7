package fr.parcours.booking;

import fr.parcours.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Booking pages driven in a fresh headless Chromium per test. */
abstract class BookingBrowserTest extends BookingTestServer {

  WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  // Null when Chromium is missing and the test was skipped: nothing to close then.
  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  void clickAndWaitForPage(By target) {
    Browser.clickAndWaitForPage(browser, target);
  }

  /** Picks the option of a list (levels, bus times) as a teacher does. */
  void choose(String name, String value) {
    TeacherForm.choose(browser, name, value);
  }
}
