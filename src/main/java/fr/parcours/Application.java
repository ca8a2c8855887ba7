package fr.parcours;

import fr.parcours.allocation.AllocationClock;
import fr.parcours.booking.OfferDeadlines;
import fr.parcours.config.AppConfig;
import fr.parcours.config.Settings;
import fr.parcours.db.Database;
import fr.parcours.db.EmbeddedDatabase;
import fr.parcours.db.Listener;
import fr.parcours.db.Migrations;
import fr.parcours.db.Trouble;
import fr.parcours.live.LiveChanges;
import fr.parcours.mail.OutboxWorker;
import fr.parcours.metrics.AppMetrics;
import fr.parcours.web.HttpVerticle;
import io.netty.buffer.ByteBufAllocator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One running server: the embedded database (unless an external one is configured), the pool,
 * the schema brought up to date, and the HTTP verticles. {@link #stop()} takes it down in the
 * reverse order, letting requests in flight finish.
 */
public final class Application {

  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private static final int FIRST_CONNECT_ATTEMPTS = 5;
  /** The first visitors after a start (people who waited for it, reloading) come within seconds. */
  static final long BACKGROUND_WARM_UP_DELAY_MS = 5_000;

  private final AppConfig config;
  private final EmbeddedDatabase embedded;
  private final Vertx vertx;
  private final String dbUrl;
  /** The schema brought up to date, under way from the moment the database answers. */
  private final CompletableFuture<Void> schema;
  private final Pool pool;
  private final Services services;
  private final OutboxWorker outbox;
  private final OfferDeadlines offerDeadlines;
  private final Listener listener;
  private final AllocationClock allocationClock;

  private Application(AppConfig config, EmbeddedDatabase embedded, String dbUrl, CompletableFuture<Void> schema) {
    this.config = config;
    this.embedded = embedded;
    this.dbUrl = dbUrl;
    this.schema = schema;
    warmClasses();
    AppMetrics metrics = AppMetrics.create(config.get(Settings.METRICS_ENABLED));
    long warnMs = config.get(Settings.LIMITS_EVENT_LOOP_WARN_MS);
    this.vertx = metrics.newVertx(new VertxOptions().setMaxEventLoopExecuteTime(warnMs)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        // With where the loop is stuck, from the first warning.
        .setWarningExceptionTime(warnMs).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(Math.min(1000, Math.max(10, warnMs / 2)))
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    this.pool = Database.pool(vertx, dbUrl, config.get(Settings.DB_POOL_SIZE), config.dbLimits());
    this.services = new Services(vertx, pool, dbUrl, config, metrics);
    this.outbox = new OutboxWorker(vertx, pool, config);
    this.allocationClock = new AllocationClock(vertx, services.allocations);
    this.offerDeadlines = new OfferDeadlines(vertx, services.bookings);
    this.listener = new Listener(vertx, Database.connectOptions(dbUrl, config.dbLimits()), services.databaseStatus);
  }

  /** What the pool's first connection would load on an event loop; loaded here, on the starting thread. */
  private static final List<String> FIRST_CONNECTION_CLASSES = List.of("io.vertx.pgclient.impl.PgConnectionFactory",
      "io.vertx.pgclient.impl.PgSocketConnection", "io.vertx.pgclient.impl.codec.PgCodec",
      "io.vertx.pgclient.impl.codec.PgEncoder", "io.vertx.pgclient.impl.codec.PgDecoder",
      // Netty's resolver asks it for "localhost": its static tables took 3 s on a loaded host.
      "java.net.IDN");

  /**
   * Netty's first direct buffer loads its JFR event classes, and with them the JDK's whole
   * flight-recorder metadata; the pool's first connection loads the PostgreSQL client's codec.
   * Seconds on a loaded host, which happened on an event loop and tripped the blocked-thread
   * checker: paid here instead, while the database starts.
   */
  private static void warmClasses() {
    ByteBufAllocator.DEFAULT.directBuffer(1).release();
    for (String name : FIRST_CONNECTION_CLASSES) {
      try {
        Class.forName(name, true, Application.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        LOG.debug("Not warmed: {}", name);
      }
    }
  }

  /** Starts a server: answers at once, the embedded database booting meanwhile on a thread of its own. */
  public static Future<Application> start(AppConfig config, boolean loadDemo) {
    Application app = create(config);
    // Bound to no context: once a failed start has closed Vert.x, its event loops could not
    // deliver the failure, and the caller would wait forever (a busy port hung the start).
    // HTTP last: once the port accepts, everything a request needs is ready.
    Promise<Application> started = Promise.promise();
    // The warm-up's router (every route's classes loaded: seconds on a loaded host) is built
    // while the database starts, not after it.
    Future<Router> warmUpRoutes = app.vertx.executeBlocking(() -> ApiRouter.create(app.services), false);
    // So are the templates of the warm-up's pages (ANTLR parsing), on another worker.
    app.services.pages.compile(Warmup.TEMPLATES);
    app.prepare(loadDemo)
        .compose(ready -> app.listen())
        .compose(listening -> Warmup.run(app.vertx, warmUpRoutes, true, Warmup.PAGES))
        .compose(warm -> app.deployHttp())
        .onSuccess(deployed -> {
          LOG.info("Parcours listening on {} (port {}), started in {} ms", config.publicUrl(), config.get(Settings.HTTP_PORT),
              ManagementFactory.getRuntimeMXBean().getUptime());
          app.vertx.setTimer(BACKGROUND_WARM_UP_DELAY_MS, id -> app.warmInBackground(warmUpRoutes));
          started.complete(app);
        })
        .onFailure(failure -> app.stopOffTheEventLoop(failure, started));
    return started.future();
  }

  /**
   * What no visitor waits for, prepared ahead of its first use: the solver the first plan would
   * build, the templates the warm-up did not render, the calendar feeds. Right after the port
   * opened, this took both cores from the first visitors (a programme page served from memory in
   * 10–60 ms instead of 4): it waits until those have been served.
   */
  private void warmInBackground(Future<Router> warmUpRoutes) {
    services.planSolver.warm();
    services.pages.compile(template -> true);
    Warmup.run(vertx, warmUpRoutes, false, Warmup.FEEDS);
  }

  /** Stops from a thread of its own (Vert.x cannot close from its event loop), then fails {@code started}. */
  private void stopOffTheEventLoop(Throwable failure, Promise<Application> started) {
    new Thread(() -> {
      try {
        stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
      started.fail(failure);
    }, "parcours-failed-start").start();
  }

  /**
   * Runs {@code work} against a migrated database without serving HTTP, for one-time commands;
   * blocks the calling (main) thread. Stopping from here, not from a Vert.x callback, lets the
   * stop complete after the event loops are gone.
   */
  public static <T> T runOnce(AppConfig config, Function<Services, Future<T>> work) throws Exception {
    Application app = create(config);
    try {
      return app.migrate().compose(migrated -> work.apply(app.services))
          .toCompletionStage().toCompletableFuture().get();
    } finally {
      app.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * The embedded database starts on a thread of its own, and the migrations on another once it
   * answers, while Vert.x, the pool and the services are built here; {@link #migrate} waits for
   * both.
   */
  private static Application create(AppConfig config) {
    EmbeddedDatabase embedded = config.embeddedDatabase() ? EmbeddedDatabase.starting(config.dataDir(), true) : null;
    String dbUrl = embedded == null ? config.dbUrl() : embedded.url();
    CompletableFuture<Void> databaseUp = embedded == null ? CompletableFuture.completedFuture(null) : embedded.ready();
    try {
      return new Application(config, embedded, dbUrl, Migrations.applyOnceUp(databaseUp, dbUrl, Bootstrap.KINDS));
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private Future<Void> migrate() {
    return Future.fromCompletionStage(schema, vertx.getOrCreateContext()).recover(failure ->
        Future.failedFuture(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
  }

  private Future<Void> prepare(boolean loadDemo) {
    return Future.all(migrate(), firstConnection())
        .compose(applied -> Bootstrap.firstOrganiser(services))
        .compose(done -> loadDemo ? Bootstrap.demo(services) : Future.succeededFuture());
  }

  /**
   * Opens the pool's first connection while the migrations run. On a loaded host the first
   * connect (cold code, TLS-less as it is) may take longer than {@code db.acquire_timeout_ms}:
   * a start tries again rather than fail, as a request answered SERVER_BUSY would.
   */
  private Future<Void> firstConnection() {
    Future<Void> databaseUp = embedded == null ? Future.succeededFuture() : Future.fromCompletionStage(embedded.ready());
    return databaseUp.compose(up -> connect(FIRST_CONNECT_ATTEMPTS));
  }

  private Future<Void> connect(int attemptsLeft) {
    return pool.query("SELECT 1").execute().<Void>mapEmpty().recover(failure ->
        attemptsLeft > 1 && Trouble.of(failure).filter(trouble -> trouble == Trouble.POOL_EXHAUSTED).isPresent()
            ? connect(attemptsLeft - 1) : Future.failedFuture(failure));
  }

  /** One LISTENing connection per instance, for the outbox and for live changes. */
  private Future<Void> listen() {
    Future<Void> outboxStarted = outbox.start(listener, config.mail().pollSeconds());
    LiveChanges.publish(vertx, listener);
    allocationClock.start(config.get(Settings.ALLOCATION_POLL_SECONDS));
    offerDeadlines.start();
    return outboxStarted.compose(started -> listener.start());
  }

  private Future<String> deployHttp() {
    DeploymentOptions options = new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors());
    return vertx.deployVerticle(() -> new HttpVerticle(() -> ApiRouter.create(services),
        config.get(Settings.HTTP_HOST), config.get(Settings.HTTP_PORT), config.get(Settings.HTTP_SHUTDOWN_GRACE_SECONDS),
        config.get(Settings.LIMITS_HEADER_TIMEOUT_SECONDS), config.get(Settings.LIMITS_IDLE_TIMEOUT_SECONDS)), options);
  }

  /** Delivers every message due now (tests use it instead of waiting for the poll). */
  public Future<Void> deliverMessages() {
    return outbox.drain();
  }

  /** Publishes the allocations due now (tests use it instead of waiting for the poll). */
  public Future<Integer> publishDueAllocations() {
    return allocationClock.tick();
  }

  /** Passes on every offer past its deadline now (tests use it instead of waiting for the sweep). */
  public Future<Integer> expireOffers() {
    return offerDeadlines.sweep();
  }

  public Services services() {
    return services;
  }

  public AppConfig config() {
    return config;
  }

  /** Stops HTTP (finishing requests in flight), closes the pool, stops the embedded database. */
  public Future<Void> stop() {
    Future<Void> undeployed = Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()).mapEmpty();
    return undeployed
        .eventually(() -> {
          services.planSolver.close();
          return Future.succeededFuture();
        })
        .eventually(() -> {
          allocationClock.stop();
          offerDeadlines.stop();
          return Future.succeededFuture();
        })
        .eventually(listener::stop)
        .eventually(outbox::stop)
        .eventually(pool::close)
        .eventually(vertx::close)
        .eventually(() -> {
          if (embedded != null) {
            embedded.close();
          }
          return Future.succeededFuture();
        });
  }
}
