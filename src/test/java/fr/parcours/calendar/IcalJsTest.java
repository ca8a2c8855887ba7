package fr.parcours.calendar;

import fr.parcours.demo.DemoFair;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every feed kind of the demo fair parsed by ical.js, Thunderbird's parser ({@code .ci/ical-check.mjs}).
 * CI installs node and ical.js (see {@code .ci/run}); where npm is, the test installs ical.js
 * itself (the README's test command then runs it too); on a machine without them this test is
 * skipped, except under {@code CI=true} where their absence is a failure.
 */
@ExtendWith(VertxExtension.class)
class IcalJsTest {

  private static final Path SCRIPT = Path.of(".ci/ical-check.mjs");
  private static final Path ICAL_JS = Path.of(".ci/node_modules/ical.js");
  private static final String FAIR = "/api/fairs/" + DemoFair.SLUG;

  @Test
  void icalJsReadsEveryFeedOfTheDemoFair(Vertx vertx) throws Exception {
    String node = nodeOrSkip();
    try (TestApp demo = await(TestApp.startAsync(vertx, TestDatabase.freshDatabaseUrl(), new JsonObject(), true))) {
      Map<String, String> feeds = feedPaths(demo);
      Path dir = Files.createTempDirectory(Path.of("target"), "ical-check-");
      List<String> command = new ArrayList<>(List.of(node, SCRIPT.toString()));
      for (Map.Entry<String, String> feed : feeds.entrySet()) {
        HttpResponse<Buffer> response = send(demo.client().get(feed.getValue()), null);
        assertEquals(200, response.statusCode(), feed.getValue());
        Path file = dir.resolve(feed.getKey() + ".ics");
        Files.write(file, response.body().getBytes());
        command.add(file.toString());
      }
      Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(check.getInputStream().readAllBytes());
      assertTrue(check.waitFor(60, TimeUnit.SECONDS), output);
      assertEquals(0, check.exitValue(), output);
    }
  }

  /** One feed of each kind: the fair, a track, a room, an association, a class, a selection. */
  private static Map<String, String> feedPaths(TestApp demo) {
    String base = demo.config().publicUrl();
    JsonObject feeds = send(demo.client().get(FAIR + "/calendars"), null).bodyAsJsonObject();
    String token = send(demo.client().post("/api/auth/login"), new JsonObject()
        .put("email", "demo@parcours.local").put("password", "parcours-demo")).bodyAsJsonObject().getString("token");
    String association = send(TestApp.authorized(demo.client().get(FAIR + "/associations/"
        + firstAssociation(demo) + "/calendar"), token), null).bodyAsJsonObject().getString("calendar_url");
    JsonObject selection = send(demo.client().post(FAIR + "/selections"), null).bodyAsJsonObject();
    long session = send(demo.client().get(FAIR), null).bodyAsJsonObject().getJsonArray("sessions").getJsonObject(0)
        .getLong("id");
    send(demo.client().put(FAIR + "/selections/" + selection.getString("token") + "/sessions/" + session), null);
    return Map.of(
        "fair", feeds.getString("calendar_url").substring(base.length()),
        "track", feeds.getJsonArray("tracks").getJsonObject(0).getString("calendar_url").substring(base.length()),
        "room", feeds.getJsonArray("rooms").getJsonObject(0).getString("calendar_url").substring(base.length()),
        "association", association.substring(base.length()),
        "booking", bookingFeed(demo).substring(base.length()),
        "selection", selection.getString("calendar_url").substring(base.length()));
  }

  /** An association that gives sessions, so its feed has events to check. */
  private static String firstAssociation(TestApp demo) {
    return send(demo.client().get(FAIR), null).bodyAsJsonObject().getJsonArray("sessions").stream()
        .map(JsonObject.class::cast).map(session -> session.getString("association"))
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
  }

  private static String bookingFeed(TestApp demo) {
    JsonObject body = new JsonObject()
        .put("school", new JsonObject().put("name", "Collège Montaigne").put("uai", "0330100X").put("city", "Bordeaux"))
        .put("teacher", new JsonObject().put("name", "M. Petit").put("email", "petit@example.org"))
        .put("class", new JsonObject().put("name", "3e B").put("level", "3e"))
        .put("pupils", 26).put("adults", 2).put("track", "s-orienter").put("arrival", "09:00").put("departure", "12:00");
    HttpResponse<Buffer> booked = send(demo.client().post(FAIR + "/bookings").putHeader("Idempotency-Key", "ical-js"),
        body);
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    return booked.bodyAsJsonObject().getString("calendar_url");
  }

  private static String nodeOrSkip() throws IOException, InterruptedException {
    if (!Files.isDirectory(ICAL_JS) && runs("npm")) {
      installIcalJs();
    }
    boolean installed = Files.isRegularFile(SCRIPT) && Files.isDirectory(ICAL_JS) && runs("node");
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs node and .ci/node_modules/ical.js (see .ci/run)");
    }
    Assumptions.assumeTrue(installed, "node or ical.js (npm install --prefix .ci) is not installed");
    return "node";
  }

  /** What .ci/run does, so that the README's test command runs this test too where npm is. */
  private static void installIcalJs() throws IOException, InterruptedException {
    Process npm = new ProcessBuilder("npm", "install", "--prefix", ".ci", "--no-package-lock", "--no-audit",
        "--no-fund", "--loglevel=error").redirectErrorStream(true)
        .redirectOutput(Path.of("target", "npm-install.log").toFile()).start();
    if (!npm.waitFor(3, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
    }
  }

  private static boolean runs(String program) throws InterruptedException {
    try {
      return new ProcessBuilder(program, "--version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
