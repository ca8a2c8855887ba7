package fr.parcours.support;

import fr.parcours.db.EmbeddedDatabase;
import fr.parcours.db.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the whole test run. The schema is migrated once into a template
 * database; each test class gets a fresh copy of it ({@code CREATE DATABASE … TEMPLATE}), which
 * takes milliseconds and keeps classes independent.
 */
public final class TestDatabase {

  private static final String TEMPLATE = "parcours_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase embedded;
  private static Path runDirectory;

  private TestDatabase() {
  }

  /** The URL of a new, migrated, empty database. */
  public static String freshDatabaseUrl() {
    EmbeddedDatabase server = server();
    String name = "test_" + COUNTER.incrementAndGet();
    server.executeAdmin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return server.url(name);
  }

  /** The URL of a new database without any schema (to test migrations themselves). */
  public static String emptyDatabaseUrl() {
    EmbeddedDatabase server = server();
    String name = "empty_" + COUNTER.incrementAndGet();
    server.executeAdmin("CREATE DATABASE " + name);
    return server.url(name);
  }

  /** Runs a statement on the maintenance database, as a DBA would (to take a database away…). */
  public static void admin(String sql) {
    server().executeAdmin(sql);
  }

  /** A new directory for one test server's files (mail, exports), removed with the run's cluster. */
  public static synchronized Path scratchDirectory(String prefix) {
    server();
    try {
      return Files.createTempDirectory(runDirectory, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized EmbeddedDatabase server() {
    if (embedded == null) {
      Path directory = temporaryDirectory();
      runDirectory = directory;
      embedded = EmbeddedDatabase.start(directory, false);
      embedded.executeAdmin("CREATE DATABASE " + TEMPLATE);
      Migrations.migrate(embedded.url(TEMPLATE));
      EmbeddedDatabase started = embedded;
      // Each run's cluster is ~600 MB: removed once stopped (with the servers' data directories),
      // so runs do not pile up under target/.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.close();
        deleteTree(directory);
      }, "test-postgres-stop"));
    }
    return embedded;
  }


  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not remove " + root + ": " + e.getMessage());
    }
  }

  private static Path temporaryDirectory() {
    try {
      Path base = Path.of(System.getProperty("parcours.test.dataDir", "target/test-pg"));
      Files.createDirectories(base);
      return Files.createTempDirectory(base, "run-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
