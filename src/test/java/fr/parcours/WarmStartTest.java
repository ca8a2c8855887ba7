package fr.parcours;

import fr.parcours.support.ServerLog;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    ServerLog logged = ServerLog.copy();
    try (logged;
         TestApp app = TestApp.startAsync(vertx, TestDatabase.freshDatabaseUrl(), TestApp.patientDatabase()
                 .put("limits", new JsonObject().put("event_loop_warn_ms", 2000)), true)
             .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES)) {
      Services services = app.application().services();
      String start = logged.take();
      assertEquals(List.of(), blockedInOurCode(start), start);
      long preparedAtStart = services.preparedPages.misses();
      assertTrue(preparedAtStart > 0, "the programme was prepared before the port opened");

      for (String path : new String[] {DEMO, DEMO + "?lang=en", "/api/fairs/teens-up-bordeaux-2027"}) {
        assertEquals(200, await(app.client().get(path).send()).statusCode(), path);
      }
      assertEquals(preparedAtStart, services.preparedPages.misses(), "the first visitors' pages came from memory");
      ServerLog.awaitLoopsFree(services.vertx());
    }
    String log = logged.take();
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
}
