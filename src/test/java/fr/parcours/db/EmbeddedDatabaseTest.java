package fr.parcours.db;

import fr.parcours.error.StartupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * refused; a stop waits for PostgreSQL to exit; a PostgreSQL whose server was killed is stopped by
 * the next start.
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

  /** Run in a JVM of its own by the test below: starts the cluster of {@code args[0]}, says so, waits to be killed. */
  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), true);
    execute(database, "CREATE TABLE kept (name text); INSERT INTO kept VALUES ('avant le kill')");
    System.out.println("started");
    Thread.sleep(Long.MAX_VALUE);
  }

  @Test
  void aServerKilledWithoutStoppingItsPostgresDoesNotKeepTheNextOneFromStarting(@TempDir Path data) throws Exception {
    Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseTest.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("started")) {
        // its log lines
      }
      assertEquals("started", line);
    }
    killed.destroyForcibly().waitFor();
    String orphan = Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0);
    assertTrue(ProcessHandle.of(Long.parseLong(orphan)).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL outlived its server");

    try (EmbeddedDatabase next = EmbeddedDatabase.start(data, true)) {
      assertEquals("avant le kill", query(next, "SELECT name FROM kept"));
    }
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
