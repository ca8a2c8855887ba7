package fr.parcours.db;

import fr.parcours.error.StartupFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A PostgreSQL 17 server run from the binaries shipped in a Maven jar, its cluster kept under
 * the data directory so that data survives restarts. Used whenever no external database is set.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String DATABASE = "parcours";
  /**
   * How long a start waits for the cluster to accept connections (the library's 10 s, on a loaded
   * host, gave up on a server that came up a moment later and left it running). As pg_ctl's own.
   */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  /** How long a stop waits for the postmaster to exit once asked to (the library waits 5 s, then leaves it). */
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);
  private static final String POSTMASTER_PID = "postmaster.pid";
  /** The library's lock in the cluster directory, held by the server running it. */
  private static final String LOCK = "epg-lock";
  /**
   * The clusters this JVM runs. Closing any channel on a file drops every lock this process holds
   * on it: a check of the library's lock must not open it while this JVM holds it.
   */
  private static final Set<Path> RUNNING = ConcurrentHashMap.newKeySet();

  private final int port;
  private final Path clusterDir;
  private final CompletableFuture<EmbeddedPostgres> postgres;

  private EmbeddedDatabase(int port, Path clusterDir, CompletableFuture<EmbeddedPostgres> postgres) {
    this.port = port;
    this.clusterDir = clusterDir;
    this.postgres = postgres;
  }

  /**
   * Starts (or restarts) the cluster under {@code dataDir/postgres}; blocks until it accepts
   * connections. {@code durable} restores fsync and synchronous commit, which the library turns
   * off for speed: a confirmed booking must survive a power cut. Only throwaway test clusters
   * run without.
   */
  public static EmbeddedDatabase start(Path dataDir, boolean durable) {
    EmbeddedDatabase database = starting(dataDir, durable);
    try {
      database.ready().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return database;
  }

  /**
   * Starts the cluster on a thread of its own and answers at once, its port and URL already
   * known: the server builds its pool, compiles its templates and loads its classes meanwhile
   * (the cluster's first start, initdb included, is most of a cold start). {@link #ready()}
   * completes once it accepts connections, or fails as {@link #start} would throw.
   */
  public static EmbeddedDatabase starting(Path dataDir, boolean durable) {
    Path clusterDir = dataDir.resolve("postgres").toAbsolutePath();
    int port = freePort();
    CompletableFuture<EmbeddedPostgres> postgres = new CompletableFuture<>();
    Thread starter = new Thread(() -> {
      try {
        postgres.complete(boot(clusterDir, port, durable));
      } catch (Throwable e) {
        postgres.completeExceptionally(e);
      }
    }, "embedded-postgres-start");
    starter.setDaemon(true);
    starter.start();
    return new EmbeddedDatabase(port, clusterDir, postgres);
  }

  private static EmbeddedPostgres boot(Path clusterDir, int port, boolean durable) {
    try {
      Files.createDirectories(clusterDir.getParent());
      PostgresBinaries binaries = new PostgresBinaries(PostgresBinaries.defaultWorkingDirectory());
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setPgBinaryResolver(binaries)
          .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
          .setDataDirectory(clusterDir)
          .setCleanDataDirectory(false)
          .setPort(port)
          // The server stops it last, after requests in flight: the library's own hook would
          // stop it at once, in parallel with the graceful shutdown.
          .setRegisterShutdownHook(false)
          .setPGStartupWait(STARTUP_WAIT)
          // PostgreSQL's own log, for the operator, written by the server itself: through the
          // library's pipe it was a thread of this JVM logging lines nobody saw.
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log(clusterDir).toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log(clusterDir).toFile()))
          .setServerConfig("max_connections", "300");
      if (durable) {
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      stopOrphan(clusterDir);
      EmbeddedPostgres postgres = startHolding(builder, clusterDir);
      RUNNING.add(clusterDir);
      createDatabaseIfMissing(postgres, DATABASE);
      LOG.info("Embedded PostgreSQL running on port {} with data in {}", port, clusterDir);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + clusterDir, e);
    }
  }

  /** PostgreSQL's log, beside its cluster directory: {@code data/postgres.log}. */
  private static Path log(Path clusterDir) {
    return clusterDir.resolveSibling(clusterDir.getFileName() + ".log");
  }

  /** Completes once the cluster accepts connections (with its application database created). */
  public CompletableFuture<Void> ready() {
    return postgres.thenApply(started -> null);
  }

  /** A free port now, as the library picks one; the cluster binds it a moment later. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
    }
  }

  /**
   * The library locks {@code epg-lock} in the cluster directory: another process holding it
   * says "could not lock", this process (a second start in the same JVM) an overlapping lock.
   */
  private static EmbeddedPostgres startHolding(EmbeddedPostgres.Builder builder, Path clusterDir) {
    try {
      return builder.start();
    } catch (IOException e) {
      // The library gave up waiting, or pg_ctl failed: a postmaster it launched may still be
      // starting, and would keep the data directory from the next start.
      stopLeftover(clusterDir);
      throw new StartupFailure("the embedded PostgreSQL in " + clusterDir + " did not start (" + e.getMessage()
          + "); its log is " + log(clusterDir), e);
    } catch (IllegalStateException e) {
      if (!(e instanceof OverlappingFileLockException) && !String.valueOf(e.getMessage()).startsWith("could not lock")) {
        throw e;
      }
      throw new StartupFailure("the data directory " + clusterDir + " is in use by another Parcours server;"
          + " stop it, or set PARCOURS_DATA_DIR", e);
    }
  }

  /** A {@code postgresql://} URL of the application database, as the pool expects it. */
  public String url() {
    return url(DATABASE);
  }

  public String url(String database) {
    return "postgresql://postgres:postgres@localhost:" + port + "/" + database;
  }

  /** Runs one statement outside any transaction on the maintenance database (CREATE DATABASE…). */
  public void executeAdmin(String sql) {
    try (Connection connection = postgres.join().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Embedded PostgreSQL refused: " + sql, e);
    }
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement();
         ResultSet exists = statement.executeQuery(
             "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
  }

  /**
   * Stops the cluster once started (a start still under way is waited for); a failed start has
   * nothing to stop. Returns once the postmaster has exited, so that a start right after finds
   * the data directory free, however long its shutdown checkpoint took.
   */
  @Override
  public void close() {
    EmbeddedPostgres started;
    try {
      started = postgres.join();
    } catch (CompletionException e) {
      return;
    }
    Optional<ProcessHandle> postmaster = postmaster(clusterDir);
    try {
      started.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
    }
    postmaster.ifPresent(running -> awaitExit(running, clusterDir));
    RUNNING.remove(clusterDir);
    LOG.info("Embedded PostgreSQL stopped");
  }

  /**
   * A server that died without stopping its PostgreSQL (killed, crashed, or whose stop timed
   * out) left it running on the cluster: the next start would wait on a port nobody listens to,
   * the cluster being held. Its postmaster is stopped here, but only when no live server holds
   * the library's lock, so that another server's PostgreSQL is never touched.
   */
  private static void stopOrphan(Path clusterDir) throws IOException {
    Path lockFile = clusterDir.resolve(LOCK);
    if (RUNNING.contains(clusterDir) || !Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock free = channel.tryLock()) {
      if (free != null) {
        stopLeftover(clusterDir);
      }
    }
  }

  /** Asks a postmaster left running in {@code clusterDir} (by a failed start or a dead server) to shut down, and waits for it. */
  private static void stopLeftover(Path clusterDir) {
    postmaster(clusterDir).ifPresent(running -> {
      LOG.warn("Stopping the PostgreSQL server (pid {}) left running in {}", running.pid(), clusterDir);
      // SIGTERM: PostgreSQL's smart shutdown, nobody being connected.
      running.destroy();
      awaitExit(running, clusterDir);
    });
  }

  private static void awaitExit(ProcessHandle postmaster, Path clusterDir) {
    try {
      postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      LOG.error("The PostgreSQL server (pid {}) in {} is still running {} s after it was asked to stop",
          postmaster.pid(), clusterDir, STOP_WAIT.toSeconds());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The postmaster running in {@code clusterDir}, from the first line of its {@code postmaster.pid}. */
  private static Optional<ProcessHandle> postmaster(Path clusterDir) {
    try (Stream<String> lines = Files.lines(clusterDir.resolve(POSTMASTER_PID))) {
      return lines.findFirst().map(String::strip).filter(line -> line.matches("\\d+"))
          .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
          // A pid left by a crash may since have been given to another program.
          .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
