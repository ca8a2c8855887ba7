package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.function.Supplier;

/**
 * Runs a transaction again when PostgreSQL aborted it to resolve a race (serialisation
 * failure, deadlock): the loser retries instead of answering 500.
 */
public final class Retries {

  private static final int ATTEMPTS = 5;

  private Retries() {
  }

  public static <T> Future<T> onRace(Supplier<Future<T>> transaction) {
    return attempt(transaction, 1);
  }

  private static <T> Future<T> attempt(Supplier<Future<T>> transaction, int number) {
    return transaction.get().recover(failure -> number < ATTEMPTS && isRace(failure)
        ? attempt(transaction, number + 1)
        : Future.failedFuture(failure));
  }

  private static boolean isRace(Throwable failure) {
    return failure instanceof PgException pg
        && ("40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()));
  }
}
