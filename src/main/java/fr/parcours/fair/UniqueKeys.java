package fr.parcours.fair;

import fr.parcours.error.AppException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.Map;
import java.util.function.Function;

/** Names the field behind a unique-key clash, which the generic 409 of the error handler cannot. */
public final class UniqueKeys {

  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueKeys() {
  }

  public static <T> Function<Throwable, Future<T>> clashOn(String field) {
    return clashOn(Map.of(), field);
  }

  /** For a table with several unique keys: names the field of the constraint that clashed ({@code otherwise} if unlisted). */
  public static <T> Function<Throwable, Future<T>> clashOn(Map<String, String> fieldByConstraint, String otherwise) {
    return failure -> failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
        ? Future.failedFuture(AppException.conflict("ALREADY_EXISTS",
            fieldByConstraint.getOrDefault(pg.getConstraint(), otherwise), Map.of()))
        : Future.failedFuture(failure);
  }
}
