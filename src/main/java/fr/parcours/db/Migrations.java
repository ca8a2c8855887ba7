package fr.parcours.db;

import fr.parcours.error.StartupFailure;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.ValidateOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Brings the schema up to date with Flyway from the classpath's {@code db/migration/V0NN__*.sql}.
 * Flyway takes a PostgreSQL advisory lock, so instances starting together migrate once. A
 * migration edited after it ran, or a database migrated by a newer jar, refuses the start.
 * Databases migrated before Flyway (table {@code schema_migrations} at version N) are
 * baselined at N: Flyway then applies only the later versions. Tables of names that Java
 * defines (the session kinds, which foreign keys reference) are then given the names they lack.
 */
public final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  /**
   * Once {@code databaseUp} completes, migrates, then fills each table of {@code names}, on a
   * thread of its own (Flyway speaks blocking JDBC). A start calls it before it builds Vert.x
   * and the services, so the schema is checked while they are built, not after.
   */
  public static CompletableFuture<Void> applyOnceUp(CompletableFuture<Void> databaseUp, String dbUrl,
                                                    Map<String, List<String>> names) {
    return databaseUp.thenRunAsync(() -> {
      migrate(dbUrl);
      fill(dbUrl, names);
    }, task -> {
      Thread thread = new Thread(task, "parcours-migrations");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** Adds the names each table lacks; instances starting together may both do it. */
  public static void fill(String dbUrl, Map<String, List<String>> names) {
    Jdbc jdbc = Jdbc.of(dbUrl);
    try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password())) {
      for (Map.Entry<String, List<String>> table : names.entrySet()) {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + table.getKey() + " (name) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING")) {
          insert.setArray(1, connection.createArrayOf("text", table.getValue().toArray()));
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new StartupFailure("cannot fill " + names.keySet() + " in " + jdbc.url() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Migrates {@code dbUrl} (a {@code postgresql://} URL), blocking the calling thread; a schema
   * bearing this jar's {@link SchemaMark} is up to date already, and Flyway is not loaded.
   */
  public static void migrate(String dbUrl) {
    Jdbc jdbc = Jdbc.of(dbUrl);
    try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password())) {
      if (SchemaMark.holds(connection)) {
        return;
      }
      flyway(jdbc);
      mark(connection);
    } catch (SQLException e) {
      throw new StartupFailure("cannot read the schema history of " + jdbc.url() + ": " + e.getMessage(), e);
    }
  }

  /** The next start finds the mark, unless another instance holds the history or it cannot be commented. */
  private static void mark(Connection connection) {
    try {
      SchemaMark.write(connection);
    } catch (SQLException e) {
      LOG.warn("Schema history not marked ({}): the next start validates it with Flyway", e.getMessage());
    }
  }

  private static void flyway(Jdbc jdbc) {
    FluentConfiguration configuration = Flyway.configure()
        .dataSource(jdbc.url(), jdbc.user(), jdbc.password())
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        // Numbers are handed out ahead, so V011 may land after V015 ran somewhere: apply it then.
        .outOfOrder(true)
        // Flyway ignores applied migrations this jar does not know by default; a database
        // ahead of the jar must stop the start instead.
        .ignoreMigrationPatterns(new String[0]);
    OptionalInt legacy = legacyVersion(jdbc);
    if (legacy.isPresent()) {
      configuration.baselineOnMigrate(true)
          .baselineVersion(String.valueOf(legacy.getAsInt()))
          .baselineDescription("schema_migrations at " + legacy.getAsInt());
    }
    try {
      configuration.load().migrate();
    } catch (FlywayValidateException e) {
      throw new StartupFailure("the database schema does not match this jar: " + mismatches(configuration), e);
    }
  }

  /** The version the pre-Flyway runner recorded, if this database has never seen Flyway. */
  private static OptionalInt legacyVersion(Jdbc jdbc) {
    try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
         Statement statement = connection.createStatement();
         ResultSet tables = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NULL"
             + " AND to_regclass('schema_migrations') IS NOT NULL")) {
      tables.next();
      if (!tables.getBoolean(1)) {
        return OptionalInt.empty();
      }
      try (ResultSet version = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
        version.next();
        return OptionalInt.of(version.getInt(1));
      }
    } catch (SQLException e) {
      throw new StartupFailure("cannot read the schema version of " + jdbc.url() + ": " + e.getMessage(), e);
    }
  }

  /** One line per migration in disagreement, e.g. "version 3 was changed after it ran". */
  private static String mismatches(FluentConfiguration configuration) {
    Flyway lenient = new FluentConfiguration().configuration(configuration)
        .ignoreMigrationPatterns("*:pending").load();
    return lenient.validateWithResult().invalidMigrations.stream()
        .map(Migrations::describe)
        .collect(Collectors.joining("; "));
  }

  private static String describe(ValidateOutput invalid) {
    ErrorCode code = invalid.errorDetails.errorCode;
    if (code == CoreErrorCode.CHECKSUM_MISMATCH) {
      return "migration " + invalid.version + " (" + invalid.filepath + ") was changed after it ran";
    }
    if (code == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED) {
      return "the database has migration " + invalid.version + " (" + invalid.description
          + "), unknown to this jar: a newer version migrated it";
    }
    return invalid.errorDetails.errorMessage.lines().findFirst().orElse(String.valueOf(code));
  }

  /** The JDBC form of the pool's {@code postgresql://user:password@host:port/database} URL. */
  private record Jdbc(String url, String user, String password) {
    static Jdbc of(String dbUrl) {
      PgConnectOptions options = PgConnectOptions.fromUri(dbUrl);
      String ssl = options.getSslMode() == SslMode.DISABLE ? "" : "?sslmode=" + options.getSslMode().value;
      return new Jdbc("jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/"
          + options.getDatabase() + ssl, options.getUser(), options.getPassword());
    }
  }
}
