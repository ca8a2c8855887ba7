package fr.parcours.support;

import fr.parcours.db.EmbeddedDatabase;
import fr.parcours.db.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static synchronized EmbeddedDatabase server() {
    if (embedded == null) {
      embedded = EmbeddedDatabase.start(temporaryDirectory(), false);
      embedded.executeAdmin("CREATE DATABASE " + TEMPLATE);
      Migrations.migrate(embedded.url(TEMPLATE));
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-postgres-stop"));
    }
    return embedded;
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
