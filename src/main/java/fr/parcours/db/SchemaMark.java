package fr.parcours.db;

import fr.parcours.common.ClassPathFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A mark on Flyway's history table, written once this jar's migrations have all run: a digest of
 * the jar's migration files and of the history rows as Flyway left them. A start whose jar and
 * history give the same digest finds the schema as Flyway last approved it and need not load
 * Flyway (its classes, scan and validation were a second of a restart). Any change on either
 * side misses the mark, and Flyway decides as before: a migration edited or added, a row added
 * by a newer jar, a row failed, repaired or edited.
 */
final class SchemaMark {

  private static final String LOCATION = "db/migration";
  private static final String HISTORY = "flyway_schema_history";
  /** Part of the digest: change it with the Flyway settings in {@link Migrations}, so that older marks miss. */
  private static final String SETTINGS = "out-of-order, no ignored patterns, baseline of schema_migrations";

  private SchemaMark() {
  }

  /** Whether the history carries the mark of this jar's migrations and of its rows as they are. */
  static boolean holds(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet mark = statement.executeQuery("SELECT obj_description(to_regclass('" + HISTORY + "'), 'pg_class')")) {
      mark.next();
      String found = mark.getString(1);
      return found != null && found.equals(digest(rows(statement)));
    }
  }

  /**
   * Marks the history if its rows are exactly this jar's migrations, all applied. Under a lock
   * that keeps Flyway's writes (and another instance's mark) out while the rows are read, so a
   * newer jar's row cannot slip in between. A mark not written only costs the next start Flyway.
   */
  static void write(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOCK TABLE " + HISTORY + " IN SHARE ROW EXCLUSIVE MODE");
      List<String> rows = rows(statement);
      if (thisJars(rows)) {
        statement.execute("COMMENT ON TABLE " + HISTORY + " IS '" + digest(rows) + "'");
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The history's rows in order: version, type, checksum and success of each. */
  private static List<String> rows(Statement statement) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet history = statement.executeQuery("SELECT to_regclass('" + HISTORY + "') IS NOT NULL")) {
      history.next();
      if (!history.getBoolean(1)) {
        return rows;
      }
    }
    try (ResultSet history = statement.executeQuery("SELECT version, type, checksum, success FROM " + HISTORY
        + " ORDER BY installed_rank")) {
      while (history.next()) {
        rows.add(history.getString(1) + " " + history.getString(2) + " " + history.getString(3) + " " + history.getBoolean(4));
      }
    }
    return rows;
  }

  /** Whether the rows are this jar's migrations, each applied once and nothing else (no baseline, no failure). */
  private static boolean thisJars(List<String> rows) {
    List<String> versions = scripts().stream().map(script -> script.substring(1, script.indexOf("__"))).sorted().toList();
    List<String> applied = rows.stream().map(row -> row.split(" "))
        .filter(row -> row[1].equals("SQL") && row[3].equals("true")).map(row -> row[0]).sorted().toList();
    return applied.size() == rows.size() && applied.equals(versions);
  }

  private static List<String> scripts() {
    return ClassPathFiles.under(LOCATION, ".sql");
  }

  /** SHA-256 of the settings, each migration's name and text, and the history's rows. */
  private static String digest(List<String> rows) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(SETTINGS.getBytes(StandardCharsets.UTF_8));
      for (String script : scripts()) {
        sha.update((script + "\n").getBytes(StandardCharsets.UTF_8));
        try (InputStream text = SchemaMark.class.getClassLoader().getResourceAsStream(LOCATION + "/" + script)) {
          sha.update(text.readAllBytes());
        }
      }
      rows.forEach(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
