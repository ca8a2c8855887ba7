package fr.parcours.db;

import fr.parcours.error.StartupFailure;
import fr.parcours.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flyway on the real PostgreSQL: baseline of pre-Flyway databases, refusals, one migration at a time. */
class MigrationsTest {

  @Test
  void aDatabaseOfTheOldRunnerIsBaselinedAtItsVersionThenUpgraded() throws Exception {
    String url = TestDatabase.emptyDatabaseUrl();
    List<String> scripts = scripts();
    execute(url, String.join("\n", scripts.subList(0, 5)));
    execute(url, "CREATE TABLE schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());"
        + "INSERT INTO schema_migrations (version) SELECT generate_series(1, 5)");

    Migrations.migrate(url);

    assertEquals(List.of("5:BASELINE", "006:SQL", "007:SQL", "008:SQL", "009:SQL"), history(url).subList(0, 5));
    assertEquals(1, count(url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'stand_reservations'"));
  }

  @Test
  void aMigrationChangedAfterItRanStopsTheStartNamingIt() throws Exception {
    String url = TestDatabase.freshDatabaseUrl();
    execute(url, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '003'");

    StartupFailure failure = assertThrows(StartupFailure.class, () -> Migrations.migrate(url));

    assertTrue(failure.getMessage().contains("migration 003 (") && failure.getMessage().contains("changed after it ran"),
        failure.getMessage());
  }

  @Test
  void aDatabaseAheadOfTheJarStopsTheStart() throws Exception {
    String url = TestDatabase.freshDatabaseUrl();
    execute(url, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
        + " installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql',"
        + " 1, 'postgres', 1, true)");

    StartupFailure failure = assertThrows(StartupFailure.class, () -> Migrations.migrate(url));

    assertTrue(failure.getMessage().contains("migration 999 (from the future), unknown to this jar"), failure.getMessage());
  }

  @Test
  void aSchemaThisJarMigratedBearsItsMarkWhichAnyChangeToTheHistoryMisses() throws Exception {
    String url = TestDatabase.emptyDatabaseUrl();
    Migrations.migrate(url);
    try (Connection connection = connect(url)) {
      assertTrue(SchemaMark.holds(connection), "marked once migrated");
      execute(url, "UPDATE flyway_schema_history SET execution_time = execution_time + 1 WHERE version = '003'");
      assertTrue(SchemaMark.holds(connection), "what Flyway does not compare is left out of the mark");
      execute(url, "UPDATE flyway_schema_history SET success = false WHERE version = '025'");
      assertFalse(SchemaMark.holds(connection), "a failed row misses the mark");
    }
  }

  @Test
  void aBaselinedHistoryIsNeverMarkedSoFlywayAlwaysChecksIt() throws Exception {
    String url = TestDatabase.emptyDatabaseUrl();
    execute(url, String.join("\n", scripts().subList(0, 5)));
    execute(url, "CREATE TABLE schema_migrations (version int PRIMARY KEY); INSERT INTO schema_migrations SELECT generate_series(1, 5)");
    Migrations.migrate(url);
    try (Connection connection = connect(url)) {
      assertFalse(SchemaMark.holds(connection));
    }
  }

  @Test
  void instancesMigratingTogetherApplyEachVersionOnce() throws Exception {
    String url = TestDatabase.emptyDatabaseUrl();
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      starts.add(CompletableFuture.runAsync(() -> Migrations.migrate(url)));
    }
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();

    List<String> history = history(url);
    assertEquals(scripts().size(), history.size());
    assertEquals(history.size(), history.stream().distinct().count());
    try (Connection connection = connect(url)) {
      assertTrue(SchemaMark.holds(connection), "the marks written together agree");
    }
  }

  /** The migration scripts in version order, as the jar ships them. */
  private static List<String> scripts() throws Exception {
    Path folder = Path.of(MigrationsTest.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      List<String> scripts = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted().toList()) {
        scripts.add(Files.readString(file));
      }
      return scripts;
    }
  }

  private static List<String> history(String url) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect(url); Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT version, type FROM flyway_schema_history ORDER BY installed_rank")) {
      while (result.next()) {
        rows.add(result.getString(1) + ":" + result.getString(2));
      }
    }
    return rows;
  }

  private static int count(String url, String sql) throws SQLException {
    try (Connection connection = connect(url); Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The test server's URLs are {@code postgresql://postgres:postgres@localhost:PORT/NAME}. */
  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + url.substring(url.indexOf('@') + 1), "postgres", "postgres");
  }
}
