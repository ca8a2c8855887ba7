package fr.parcours.support;

import fr.parcours.Application;
import fr.parcours.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real server on a fresh test database and a free port, with a WebClient pointed at it.
 * Tests talk HTTP to it exactly as users do, and may read the database to check invariants.
 */
public final class TestApp implements AutoCloseable {

  public static final String ORGANISER_PASSWORD = "correct horse battery";
  /**
   * Rate limits no test meets by accident (rushes book hundreds of classes from one address);
   * a test of a limit sets it lower in its overrides.
   */
  private static final JsonObject UNTHROTTLED = new JsonObject().put("login_failures_per_account", 1_000_000)
      .put("login_failures_per_address", 1_000_000).put("sign_in_links_per_email", 1_000_000)
      .put("sign_in_links_per_address", 1_000_000).put("bookings_per_address", 1_000_000)
      .put("bookings_per_email", 1_000_000);

  private final Application app;
  private final WebClient client;
  private final int port;

  private TestApp(Application app, WebClient client, int port) {
    this.app = app;
    this.client = client;
    this.port = port;
  }

  /** A server on a new empty database. */
  public static TestApp start(Vertx clientVertx) {
    return start(clientVertx, TestDatabase.freshDatabaseUrl(), new JsonObject());
  }

  /** A server on {@code dbUrl} (several instances may share one), with extra settings. */
  public static TestApp start(Vertx clientVertx, String dbUrl, JsonObject overrides) {
    return await(startAsync(clientVertx, dbUrl, overrides, false));
  }

  /**
   * Database waits long enough for the demo's load, a burst of transactions, on a machine shared
   * by several builds (the defaults' 3 s pool wait fails it there).
   */
  public static JsonObject patientDatabase() {
    return new JsonObject().put("db", new JsonObject().put("acquire_timeout_ms", 60_000)
        .put("lock_timeout_ms", 60_000).put("idle_in_transaction_timeout_ms", 60_000));
  }

  /** Starts without waiting, loading the demo fair as {@code --demo} does when asked. */
  public static Future<TestApp> startAsync(Vertx clientVertx, String dbUrl, JsonObject overrides, boolean demo) {
    int port = freePort();
    JsonObject config = new JsonObject()
        .put("http", new JsonObject().put("port", port).put("host", "127.0.0.1").put("shutdown_grace_seconds", 2))
        .put("db", new JsonObject().put("url", dbUrl).put("pool_size", 8))
        .put("data", new JsonObject().put("dir", TestDatabase.scratchDirectory("data-").toString()))
        .put("limits", UNTHROTTLED.copy())
        .mergeIn(overrides, true);
    return Application.start(AppConfig.fromJson(config), demo).map(app -> new TestApp(app,
        WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
            new PoolOptions().setHttp1MaxSize(64)), port));
  }

  public WebClient client() {
    return client;
  }

  public int port() {
    return port;
  }

  public Application application() {
    return app;
  }

  public AppConfig config() {
    return app.config();
  }

  /** Creates an organiser and returns the bearer token of a fresh login. */
  public String organiserToken(String email) {
    await(app.services().auth().createOrganiser(email, "Test " + email, ORGANISER_PASSWORD));
    HttpResponse<Buffer> login = send(client.post("/api/auth/login"),
        new JsonObject().put("email", email).put("password", ORGANISER_PASSWORD));
    return login.bodyAsJsonObject().getString("token");
  }

  /** Sends a request with a JSON body (or none when {@code body} is null) and waits for the answer. */
  public static HttpResponse<Buffer> send(HttpRequest<Buffer> request, JsonObject body) {
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  public static HttpRequest<Buffer> authorized(HttpRequest<Buffer> request, String token) {
    return request.putHeader("Authorization", "Bearer " + token);
  }

  public Pool pool() {
    return app.services().pool();
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out waiting for " + future, e);
    }
  }

  @Override
  public void close() {
    client.close();
    await(app.stop());
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
