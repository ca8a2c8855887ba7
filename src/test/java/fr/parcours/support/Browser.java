package fr.parcours.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's headless Chromium driven through its own chromedriver (never a downloaded browser).
 * CI installs both; on a machine without them the browser tests are skipped, except under
 * {@code CI=true} where their absence is a failure.
 */
public final class Browser {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private Browser() {
  }

  public static ChromeDriver start() {
    boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver (see .ci/run)");
    }
    Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM)
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=fr-FR", "--user-data-dir=" + temporaryProfile());
    // What a French teacher's browser asks for; the pages must then speak French.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static String temporaryProfile() {
    try {
      return Files.createTempDirectory("parcours-chromium-").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Clicks what leads to another page and waits until that page replaced this one. */
  public static void clickAndWaitForPage(WebDriver browser, By target) {
    // A page a script is still replacing has no document for a moment: wait for one.
    WebElement page = new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> driver.findElement(By.tagName("html")));
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
