package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.function.Supplier;

/**
 * A lock shared by every instance on the database, held across work that spans several
 * transactions. It lives in a PostgreSQL session: if the instance dies, the lock goes with it.
 */
public final class NamedLock {

  private NamedLock() {
  }

  /**
   * Waits for the lock named {@code name}, runs {@code work}, then releases it whatever happened.
   * The wait is bounded by neither {@code lock_timeout} nor {@code statement_timeout}: the holder's work spans transactions and
   * may take longer on a loaded host (a second instance starting while the first loads the
   * demo failed its start); a holder that dies takes the lock with its session.
   */
  public static <T> Future<T> holding(Pool pool, String name, Supplier<Future<T>> work) {
    return pool.getConnection().compose(conn -> conn.query("SET lock_timeout = 0; SET statement_timeout = 0").execute()
        .compose(unbounded -> call(conn, "pg_advisory_lock", name))
        // The connection goes back to the pool with its usual bound, whatever happened.
        .eventually(() -> conn.query("RESET lock_timeout; RESET statement_timeout").execute())
        .compose(locked -> work.get()
            .eventually(() -> call(conn, "pg_advisory_unlock", name)))
        .eventually(conn::close));
  }

  private static Future<Void> call(SqlConnection conn, String function, String name) {
    return conn.preparedQuery("SELECT " + function + "(hashtextextended($1, 0))").execute(Tuple.of(name)).mapEmpty();
  }
}
