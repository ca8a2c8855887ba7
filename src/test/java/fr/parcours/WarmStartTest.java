package fr.parcours;

import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start does its slow first-time work before the port opens and off the event loops, and the
 * first visitor's programme page is already prepared (served from memory, as the hundredth is).
 * No blocked-thread warning from the port's opening to the first pages; during the start itself,
 * none with the server's own code on the blocked loop (a dummy bcrypt hash, the routers, the
 * solver, the warm-up all blocked one once). A library's first connection loading its classes on
 * a loop is let through: on a host loaded by several builds that alone takes seconds, and no
 * code of ours can move it. Speed itself is measured by bench/startup.sh, not here.
 */
@ExtendWith(VertxExtension.class)
class WarmStartTest {

  private static final String DEMO = "/fairs/teens-up-bordeaux-2027";

  @Test
  void aStartWithTheDemoNeverBlocksAnEventLoopAndHasTheFirstPageReady(Vertx vertx) throws Exception {
    PrintStream stderr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    // The server logs to standard error: keep a copy to look for Vert.x's blocked-thread warnings.
    System.setErr(new PrintStream(new Tee(stderr, logged), true, StandardCharsets.UTF_8));
    try (TestApp app = TestApp.startAsync(vertx, TestDatabase.freshDatabaseUrl(), TestApp.patientDatabase()
            .put("limits", new JsonObject().put("event_loop_warn_ms", 2000)), true)
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES)) {
      Services services = app.application().services();
      String start;
      synchronized (logged) {
        start = logged.toString(StandardCharsets.UTF_8);
        logged.reset();
      }
      assertEquals(List.of(), blockedInOurCode(start), start);
      long preparedAtStart = services.preparedPages.misses();
      assertTrue(preparedAtStart > 0, "the programme was prepared before the port opened");

      for (String path : new String[] {DEMO, DEMO + "?lang=en", "/api/fairs/teens-up-bordeaux-2027"}) {
        assertEquals(200, await(app.client().get(path).send()).statusCode(), path);
      }
      assertEquals(preparedAtStart, services.preparedPages.misses(), "the first visitors' pages came from memory");

      // A task still running on a loop is reported while it runs: wait for every loop to be free.
      AtomicInteger free = new AtomicInteger();
      int loops = 0;
      for (EventExecutor loop : ((VertxInternal) services.vertx()).eventLoopGroup()) {
        loop.execute(free::incrementAndGet);
        loops++;
      }
      int all = loops;
      Poll.until(Duration.ofSeconds(30), free::get, count -> count == all);
    } finally {
      System.setErr(stderr);
    }
    String log;
    synchronized (logged) {
      log = logged.toString(StandardCharsets.UTF_8);
    }
    assertFalse(log.contains("BlockedThreadChecker"), log);
  }

  /** The blocked-thread warnings whose stack goes through the server's own classes. */
  private static List<String> blockedInOurCode(String log) {
    List<String> found = new ArrayList<>();
    Matcher warning = WARNING.matcher(log);
    while (warning.find()) {
      if (warning.group().contains("at app//fr.parcours.")) {
        found.add(warning.group());
      }
    }
    return found;
  }

  /** One warning with its stack, up to the next log line. */
  private static final Pattern WARNING = Pattern.compile("WARN BlockedThreadChecker.*?(?=\\n\\d\\d:\\d\\d:\\d\\d|\\z)",
      Pattern.DOTALL);

  /** Writes to both streams. */
  private static final class Tee extends OutputStream {

    private final OutputStream one;
    private final ByteArrayOutputStream two;

    Tee(OutputStream one, ByteArrayOutputStream two) {
      this.one = one;
      this.two = two;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      one.write(b);
      synchronized (two) {
        two.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
      one.write(bytes, offset, length);
      synchronized (two) {
        two.write(bytes, offset, length);
      }
    }
  }
}
