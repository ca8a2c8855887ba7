package fr.parcours.db;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.booking.BookingFixtures.Fair;
import fr.parcours.support.Poll;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database's faults answer a prompt, retryable 503 with Retry-After, never a hang or a 500:
 * a track's row locked from outside, the database gone, the pool exhausted; /health says which.
 */
@ExtendWith(VertxExtension.class)
class DatabaseFaultsTest {

  @Test
  void aTrackLockedFromOutsideAnswersAPromptRetryable503(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    JsonObject settings = new JsonObject().put("db", new JsonObject().put("lock_timeout_ms", 500));
    try (TestApp app = TestApp.start(vertx, url, settings)) {
      Fair fair = BookingFixtures.fair(app, "locked", 60);
      PgConnection outside = await(PgConnection.connect(vertx, PgConnectOptions.fromUri(url)));
      try {
        Transaction holding = await(outside.begin());
        await(outside.preparedQuery("SELECT id FROM tracks WHERE id = $1 FOR UPDATE").execute(Tuple.of(fair.trackId())));

        long started = System.nanoTime();
        HttpResponse<Buffer> refused = book(app, fair, "locked-1");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, refused.statusCode(), refused.bodyAsString());
        assertEquals("DATABASE_BUSY", refused.bodyAsJsonObject().getString("code"));
        assertNotNull(refused.getHeader("Retry-After"));
        assertTrue(millis < 3000, "answered in " + millis + " ms");
        JsonObject health = send(app.client().get("/health"), null).bodyAsJsonObject();
        assertEquals("degraded", health.getString("status"), health.encode());
        assertEquals("timing out", health.getString("locks"));

        await(holding.rollback());
        assertEquals(201, book(app, fair, "locked-1").statusCode(), "the same key goes through once the lock is free");
      } finally {
        outside.close();
      }
    }
  }

  /**
   * An instance frozen (SIGSTOP, a VM pause) mid-transaction, holding a track's lock: the others
   * answer a prompt 503 meanwhile, and PostgreSQL ends the frozen session after
   * {@code db.idle_in_transaction_timeout_ms}, so bookings go on without waiting for it to wake.
   */
  @Test
  void aFrozenInstancesTransactionIsEndedAndItsLockFreed(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    JsonObject settings = new JsonObject().put("db", new JsonObject().put("lock_timeout_ms", 300)
        .put("statement_timeout_ms", 4000).put("idle_in_transaction_timeout_ms", 1000));
    try (TestApp app = TestApp.start(vertx, url, settings)) {
      Fair fair = BookingFixtures.fair(app, "frozen", 60);
      assertEquals(List.of("300ms", "4s", "1s"), List.of(show(app, "lock_timeout"), show(app, "statement_timeout"),
          show(app, "idle_in_transaction_session_timeout")), "every pooled connection has the limits");
      // The frozen instance: a connection opened with the server's own options, then silent.
      PgConnection frozen = await(PgConnection.connect(vertx, Database.connectOptions(url, app.config().dbLimits())));
      try {
        await(frozen.begin());
        await(frozen.preparedQuery("SELECT id FROM tracks WHERE id = $1 FOR UPDATE").execute(Tuple.of(fair.trackId())));
        HttpResponse<Buffer> refused = book(app, fair, "frozen-1");
        assertEquals(503, refused.statusCode(), refused.bodyAsString());
        assertEquals("DATABASE_BUSY", refused.bodyAsJsonObject().getString("code"));
        Poll.until(Duration.ofSeconds(10), () -> book(app, fair, "frozen-1").statusCode(), status -> status == 201);
      } finally {
        frozen.close();
      }
    }
  }

  private static String show(TestApp app, String setting) {
    return await(app.pool().query("SHOW " + setting).execute()).iterator().next().getString(0);
  }

  @Test
  void deletingASessionWaitsForItsTracksLockLikeEveryOtherWriter(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    JsonObject settings = new JsonObject().put("db", new JsonObject().put("lock_timeout_ms", 500));
    try (TestApp app = TestApp.start(vertx, url, settings)) {
      Fair fair = BookingFixtures.fair(app, "deleting", 60);
      long sessionId = await(app.pool().preparedQuery("SELECT id FROM sessions WHERE track_id = $1 LIMIT 1")
          .execute(Tuple.of(fair.trackId()))).iterator().next().getLong("id");
      PgConnection outside = await(PgConnection.connect(vertx, PgConnectOptions.fromUri(url)));
      try {
        Transaction holding = await(outside.begin());
        await(outside.preparedQuery("SELECT id FROM tracks WHERE id = $1 FOR UPDATE").execute(Tuple.of(fair.trackId())));
        HttpResponse<Buffer> refused = send(TestApp.authorized(
            app.client().delete("/api/fairs/" + fair.slug() + "/sessions/" + sessionId), fair.ownerToken()), null);
        assertEquals(503, refused.statusCode(), "the delete queued behind the track's lock: " + refused.bodyAsString());
        assertEquals("DATABASE_BUSY", refused.bodyAsJsonObject().getString("code"));
        await(holding.rollback());
      } finally {
        outside.close();
      }
      assertEquals(204, send(TestApp.authorized(
          app.client().delete("/api/fairs/" + fair.slug() + "/sessions/" + sessionId), fair.ownerToken()), null)
          .statusCode());
    }
  }

  @Test
  void aDatabaseThatIsGoneAnswers503DatabaseUnavailable(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (TestApp app = TestApp.start(vertx, url, new JsonObject())) {
      Fair fair = BookingFixtures.fair(app, "gone", 60);
      TestDatabase.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
      TestDatabase.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
      try {
        for (int i = 0; i < 3; i++) {
          HttpResponse<Buffer> refused = book(app, fair, "gone-" + i);
          assertEquals(503, refused.statusCode(), refused.bodyAsString());
          assertEquals("DATABASE_UNAVAILABLE", refused.bodyAsJsonObject().getString("code"));
          assertNotNull(refused.getHeader("Retry-After"));
        }
        HttpResponse<Buffer> page = send(app.client().get("/fairs/" + fair.slug()).putHeader("Accept", "text/html"), null);
        assertEquals(503, page.statusCode(), "a page too");
        assertEquals(503, send(app.client().get("/health"), null).statusCode());
      } finally {
        TestDatabase.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
      }
      assertEquals(201, book(app, fair, "gone-0").statusCode(), "back once the database is");
    }
  }

  @Test
  void anExhaustedPoolAnswersAPrompt503AndHealthSaysSo(Vertx vertx) {
    JsonObject settings = new JsonObject().put("db", new JsonObject()
        .put("pool_size", 1).put("max_wait_queue", 32).put("acquire_timeout_ms", 300));
    try (TestApp app = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), settings)) {
      Fair fair = BookingFixtures.fair(app, "full", 60);
      // Background work (the sweeps' first rounds) may hold the one connection a moment: wait for it.
      SqlConnection taken = Poll.until(Duration.ofSeconds(10), () -> {
        try {
          return await(app.pool().getConnection());
        } catch (VertxException busy) {
          return null;
        }
      }, connection -> connection != null);
      PrintStream stderr = System.err;
      ByteArrayOutputStream logged = new ByteArrayOutputStream();
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      try {
        List<io.vertx.core.Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          calls.add(app.client().get("/api/fairs/" + fair.slug()).send());
        }
        long started = System.nanoTime();
        for (var call : calls) {
          HttpResponse<Buffer> refused = await(call);
          assertEquals(503, refused.statusCode(), refused.bodyAsString());
          assertEquals("SERVER_BUSY", refused.bodyAsJsonObject().getString("code"));
          assertNotNull(refused.getHeader("Retry-After"));
        }
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000, "prompt");
        HttpResponse<Buffer> health = send(app.client().get("/health"), null);
        assertEquals(503, health.statusCode());
        assertEquals("exhausted", health.bodyAsJsonObject().getString("pool"));
        assertEquals("up", health.bodyAsJsonObject().getString("database"));
        String log = logged.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().filter(line -> line.contains("WARN DatabaseStatus")).count(),
            "40 refusals, one incident, one WARN line:\n" + log);
        assertTrue(log.lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace:\n" + log);
      } finally {
        System.setErr(stderr);
        await(taken.close());
      }
      Poll.until(Duration.ofSeconds(5), () -> send(app.client().get("/api/fairs/" + fair.slug()), null).statusCode(),
          status -> status == 200);
    }
  }

  /**
   * Seen under heavy load as a 500: a transaction (or getConnection) that waited out the acquire
   * timeout fails with a bare "Timeout", worded unlike a query's. Every way in must be retryable.
   */
  @Test
  void everyWayOfWaitingOutAnExhaustedPoolIsAnExhaustedPool(Vertx vertx) {
    JsonObject settings = new JsonObject().put("db", new JsonObject()
        .put("pool_size", 1).put("max_wait_queue", 8).put("acquire_timeout_ms", 200));
    try (TestApp app = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), settings)) {
      SqlConnection taken = await(app.pool().getConnection());
      try {
        List<io.vertx.core.Future<?>> waits = List.of(
            app.pool().query("SELECT 1").execute(),
            app.pool().preparedQuery("SELECT $1::int").execute(Tuple.of(1)),
            app.pool().getConnection(),
            app.pool().withTransaction(conn -> conn.query("SELECT 1").execute()),
            app.pool().withConnection(conn -> conn.query("SELECT 1").execute()));
        for (var wait : waits) {
          Throwable failure = awaitFailure(wait);
          assertEquals(java.util.Optional.of(Trouble.POOL_EXHAUSTED), Trouble.of(failure), String.valueOf(failure));
        }
      } finally {
        await(taken.close());
      }
    }
  }

  private static Throwable awaitFailure(io.vertx.core.Future<?> future) {
    try {
      await(future);
    } catch (RuntimeException e) {
      return future.cause();
    }
    throw new AssertionError("succeeded while the pool's only connection was taken");
  }

  @Test
  void aLostListenIsShownOnHealthUntilItIsBack(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (TestApp app = TestApp.start(vertx, url, new JsonObject())) {
      assertEquals("listening", send(app.client().get("/health"), null).bodyAsJsonObject().getString("listener"));
      TestDatabase.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
      TestDatabase.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
          + "' AND query LIKE 'LISTEN%'");
      TestDatabase.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
      JsonObject lost = poll(app, "reconnecting");
      assertEquals("degraded", lost.getString("status"), lost.encode());
      assertNotNull(lost.getString("listener_error"));
      poll(app, "listening");
    }
  }

  /** Polls /health until its listener field reads {@code state}. */
  private static JsonObject poll(TestApp app, String state) {
    return Poll.until(Duration.ofSeconds(20), () -> send(app.client().get("/health"), null).bodyAsJsonObject(),
        health -> state.equals(health.getString("listener")));
  }

  private static HttpResponse<Buffer> book(TestApp app, Fair fair, String key) {
    return send(app.client().post("/api/fairs/" + fair.slug() + "/bookings").putHeader("Idempotency-Key", key),
        BookingFixtures.request("0330023A", "3e " + key, 25, 2));
  }
}
