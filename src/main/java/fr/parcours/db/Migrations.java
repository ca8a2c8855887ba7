package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the versioned schema migrations {@code db/migration/001.sql}, {@code 002.sql}… found
 * on the classpath, each once and in order, recording them in {@code schema_migrations}.
 * An advisory lock makes instances starting together apply them one at a time.
 */
public final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final long LOCK_KEY = 0x7061726372L;

  private Migrations() {
  }

  public static Future<Integer> apply(Pool pool) {
    List<String> scripts = loadScripts();
    return pool.withTransaction(conn -> conn
        .query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
        .compose(locked -> conn.query("CREATE TABLE IF NOT EXISTS schema_migrations ("
            + "version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())").execute())
        .compose(created -> conn.query("SELECT coalesce(max(version), 0) AS v FROM schema_migrations").execute())
        .map(rows -> rows.iterator().next().getInteger("v"))
        .compose(current -> applyFrom(conn, scripts, current)));
  }

  private static Future<Integer> applyFrom(SqlConnection conn, List<String> scripts, int current) {
    Future<Void> chain = Future.succeededFuture();
    for (int version = current + 1; version <= scripts.size(); version++) {
      int v = version;
      chain = chain.compose(done -> {
        LOG.info("Applying schema migration {}", v);
        return conn.query(scripts.get(v - 1)).execute()
            .compose(applied -> conn.preparedQuery("INSERT INTO schema_migrations (version) VALUES ($1)")
                .execute(Tuple.of(v)))
            .mapEmpty();
      });
    }
    return chain.map(done -> scripts.size());
  }

  private static List<String> loadScripts() {
    List<String> scripts = new ArrayList<>();
    for (int version = 1; ; version++) {
      String path = String.format("db/migration/%03d.sql", version);
      try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          return scripts;
        }
        scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read migration " + path, e);
      }
    }
  }
}
