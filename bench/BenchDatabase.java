import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The benchmark's PostgreSQL: the same embedded binaries the server uses, durable (fsync and
 * synchronous commit on, as in production), with room for pgbench's clients next to the
 * servers' pools. Writes its URL to the file given, then runs until killed.
 *
 * Usage (classes built by bench/build.sh): java -cp "$classpath" BenchDatabase DATA_DIR URL_FILE [MAX_CONNECTIONS]
 */
public final class BenchDatabase {

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    String maxConnections = args.length > 2 ? args[2] : "1200";
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(true)
        .setServerConfig("max_connections", maxConnections)
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE parcours");
      // A baseline build (bench/run.sh --baseline) migrates its own schema next to ours.
      statement.execute("CREATE DATABASE parcours_base");
    }
    Files.writeString(Path.of(args[1]), "postgresql://postgres:postgres@127.0.0.1:" + postgres.getPort() + "/parcours");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    Thread.currentThread().join();
  }
}
