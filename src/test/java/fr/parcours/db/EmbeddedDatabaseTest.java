package fr.parcours.db;

import fr.parcours.error.StartupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart finds the cluster, durable, where the first start left it; a second server on it is
 * refused; a stop waits for PostgreSQL to exit.
 */
class EmbeddedDatabaseTest {

  @Test
  void aRestartOnTheSameDataDirectoryKeepsTheDataAndStaysDurable(@TempDir Path data) throws Exception {
    try (EmbeddedDatabase first = EmbeddedDatabase.start(data, true)) {
      execute(first, "CREATE TABLE kept (name text); INSERT INTO kept VALUES ('avant le redémarrage')");
      StartupFailure refused = assertThrows(StartupFailure.class, () -> EmbeddedDatabase.start(data, true));
      assertTrue(refused.getMessage().contains("in use by another Parcours server"), refused.getMessage());
    }
    try (EmbeddedDatabase second = EmbeddedDatabase.start(data, true)) {
      assertEquals("avant le redémarrage", query(second, "SELECT name FROM kept"));
      assertEquals("on", query(second, "SHOW fsync"));
      assertEquals("on", query(second, "SHOW synchronous_commit"));
    }
  }

  @Test
  void aStopReturnsOnceThePostmasterHasExitedAndPostgresLogsToAFileOfItsOwn(@TempDir Path data) throws Exception {
    ProcessHandle postmaster;
    try (EmbeddedDatabase database = EmbeddedDatabase.start(data, true)) {
      String pid = Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0);
      postmaster = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
      assertTrue(postmaster.isAlive());
    }
    assertFalse(postmaster.isAlive(), "the postmaster still runs after the stop returned");
    assertFalse(Files.exists(data.resolve("postgres/postmaster.pid")));
    String log = Files.readString(data.resolve("postgres.log"));
    assertTrue(log.contains("database system is ready to accept connections"), log);
    assertTrue(log.contains("database system is shut down"), log);
  }

  private static void execute(EmbeddedDatabase database, String sql) throws Exception {
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(EmbeddedDatabase database, String sql) throws Exception {
    try (Connection connection = connect(database); Statement statement = connection.createStatement();
         ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private static Connection connect(EmbeddedDatabase database) throws Exception {
    return DriverManager.getConnection("jdbc:" + database.url().replace("postgres:postgres@", "") + "?user=postgres");
  }
}
