package fr.parcours.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages driven in headless Chromium against a server holding the demo fair (Teen's Up
 * Bordeaux 2027), as {@code --demo} loads it: the data the README's screenshots show. The
 * classes share that server: each books its own classes (its own schools) and asserts on them.
 */
@ExtendWith(DemoBrowserTest.SharedDemo.class)
public abstract class DemoBrowserTest {

  protected static final String DEMO = "teens-up-bordeaux-2027";
  private static final int SCREENSHOT_WIDTH = 1280;
  private static final int MAX_SCREENSHOT_HEIGHT = 2400;

  protected static TestApp app;
  protected WebDriver browser;

  /** Loading the demo takes seconds: one server serves every class of the run, closed when the run ends. */
  static final class SharedDemo implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
      app = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(DemoServer.class, key -> new DemoServer(), DemoServer.class).app;
    }
  }

  private static final class DemoServer implements ExtensionContext.Store.CloseableResource {

    private final Vertx vertx = Vertx.vertx();
    private final TestApp app = TestApp.await(TestApp.startAsync(vertx, TestDatabase.freshDatabaseUrl(),
        TestApp.patientDatabase(), true));

    @Override
    public void close() {
      app.close();
      vertx.close().await();
    }
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  protected static String url(String path) {
    return app.config().publicUrl() + path;
  }

  /** A class booked through the API, as the teacher's form does. */
  protected static JsonObject book(String uai, String className, String track, int pupils, String arrival,
                                   String departure) {
    JsonObject request = new JsonObject()
        .put("school", new JsonObject().put("name", "Collège " + className).put("uai", uai).put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "Mme Durand").put("email", uai.toLowerCase() + "@ac-bordeaux.fr"))
        .put("class", new JsonObject().put("name", className).put("level", "3e"))
        .put("pupils", pupils).put("adults", 2).put("track", track).put("arrival", arrival).put("departure", departure);
    HttpResponse<Buffer> response = TestApp.send(app.client().post("/api/fairs/" + DEMO + "/bookings")
        .putHeader("Idempotency-Key", uai), request);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /** Saves the page as a desktop browser shows it, tall enough to hold it (up to a limit). */
  protected void screenshot(String name) {
    long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(SCREENSHOT_WIDTH, (int) Math.min(height + 140, MAX_SCREENSHOT_HEIGHT)));
    Screenshots.save(browser, name);
  }
}
