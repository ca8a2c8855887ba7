package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A transaction that reads once and then writes once, in two round trips: BEGIN goes out with
 * the reads and COMMIT right behind the writes, on one connection that pipelines them.
 * {@code Pool.withTransaction} waits for BEGIN's answer before the first statement and for the
 * last statement's before COMMIT: four round trips, each held under the locks the reads took.
 * A write that fails aborts the transaction, so the COMMIT behind it only rolls back, and that
 * write's failure is the answer.
 */
public final class Pipelined {

  private Pipelined() {
  }

  /**
   * Runs {@code read}, then {@code write} with what it read, then commits. {@code write} must send
   * every write before it returns (no waiting on one of them): COMMIT is sent as it returns, and
   * a statement it sends later (a read waiting on an earlier one) runs after it, outside the
   * transaction. A {@code write} that throws or fails at once is rolled back.
   */
  public static <R, T> Future<T> transaction(Pool pool, Function<SqlConnection, Future<R>> read,
                                             BiFunction<SqlConnection, R, Future<T>> write) {
    return pool.getConnection().compose(conn -> {
      Future<?> begun = conn.query("BEGIN").execute();
      Future<R> reading = attempt(() -> read.apply(conn));
      return Future.all(begun, reading)
          .compose(begunAndRead -> {
            R found = reading.result();
            Future<T> written = attempt(() -> write.apply(conn, found));
            if (written.failed()) {
              // Refused before all its statements were sent: what it sent must not be committed.
              return rollBack(conn, written.cause());
            }
            Future<Void> committed = conn.query("COMMIT").execute().mapEmpty();
            return Future.all(written, committed).map(both -> written.result())
                // COMMIT sent: the transaction is over whatever happened, nothing to roll back.
                .recover(failed -> Future.failedFuture(written.failed() ? written.cause() : failed));
          }, failed -> rollBack(conn, reading.failed() ? reading.cause() : failed))
          .eventually(conn::close);
    });
  }

  /** Ends the transaction (a connection going back to the pool holds none) and answers {@code failure}. */
  private static <T> Future<T> rollBack(SqlConnection conn, Throwable failure) {
    return conn.query("ROLLBACK").execute().otherwiseEmpty().compose(rolledBack -> Future.failedFuture(failure));
  }

  private static <T> Future<T> attempt(Supplier<Future<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
