package fr.parcours.booking;

import fr.parcours.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Booking pages driven in a fresh headless Chromium per test. */
abstract class BookingBrowserTest extends BookingTestServer {

  WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  /** Clicks what leads to another page and waits until that page replaced this one. */
  void clickAndWaitForPage(By target) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> gone(page));
  }

  /** Chromium reports a replaced page's node as stale, or as "not belonging to the document": both mean gone. */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException e) {
      return true;
    }
  }
}
