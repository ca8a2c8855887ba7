package fr.parcours.db;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.SocketException;
import java.util.Optional;
import java.util.Set;

/**
 * A failure that is the database's state, not a bug: the request may be tried again shortly,
 * and is answered 503 with {@code Retry-After}. Anything else is not a trouble (empty).
 */
public enum Trouble {

  /** Down, restarting, refusing connections, or the connection was lost mid-request. */
  UNAVAILABLE("DATABASE_UNAVAILABLE", 5),
  /** A lock or statement wait ran out (a writer holds the rows too long), or an idle transaction was ended. */
  BUSY("DATABASE_BUSY", 2),
  /** Every pooled connection is taken and the wait queue is full, or the wait ran out. */
  POOL_EXHAUSTED("SERVER_BUSY", 2);

  // The pool's acquire timeout is a plain VertxException told apart only by its text, which
  // depends on the way in (vertx-sql-client 5.0, SqlConnectionPool): a query on the pool says
  // "Timeout waiting for connection"; getConnection and withTransaction, whose waiter's timer
  // fires, say a bare "Timeout" (a NoStackTraceThrowable). No other Vert.x failure says either.
  private static final Set<String> ACQUIRE_TIMEOUTS = Set.of("Timeout waiting for connection", "Timeout");

  private final String code;
  private final int retryAfterSeconds;

  Trouble(String code, int retryAfterSeconds) {
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String code() {
    return code;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** What {@code failure} (or a cause of it) says about the database, if anything. */
  public static Optional<Trouble> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Optional<Trouble> trouble = ofOne(t);
      if (trouble.isPresent()) {
        return trouble;
      }
    }
    return Optional.empty();
  }

  private static Optional<Trouble> ofOne(Throwable t) {
    if (t instanceof PgException pg) {
      // FATAL ends the session: the database refused or dropped the connection (not accepting
      // connections, shutting down...), whatever the state code.
      return "FATAL".equals(pg.getSeverity()) ? Optional.of(UNAVAILABLE) : ofState(pg.getSqlState());
    }
    if (t instanceof ConnectionPoolTooBusyException
        || t instanceof VertxException && t.getMessage() != null && ACQUIRE_TIMEOUTS.contains(t.getMessage())) {
      return Optional.of(POOL_EXHAUSTED);
    }
    // SocketException covers a refused connection and one reset while the database goes away.
    if (t instanceof ClosedConnectionException || t instanceof SocketException || closing(t)) {
      return Optional.of(UNAVAILABLE);
    }
    return Optional.empty();
  }

  /**
   * The instance is stopping: a request still in flight after the shutdown grace finds its pool
   * closed, or its connection closing (vertx-sql-client 5.0 says so only in these words).
   */
  private static boolean closing(Throwable t) {
    return t instanceof VertxException && t.getMessage() != null
        && (t.getMessage().equals("Pool closed") || t.getMessage().startsWith("Connection is not active now"));
  }

  /**
   * 08: connection exceptions; 57P01-57P03: shut down, crashed, starting; 53: out of
   * connections or resources. 55P03: lock_timeout; 57014: statement_timeout (or a cancel);
   * 25P03: idle_in_transaction_session_timeout; 40001/40P01 reach here only once retries ran out.
   */
  private static Optional<Trouble> ofState(String state) {
    if (state == null) {
      return Optional.empty();
    }
    if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
      return Optional.of(UNAVAILABLE);
    }
    return switch (state) {
      case "55P03", "57014", "25P03", "40001", "40P01" -> Optional.of(BUSY);
      default -> Optional.empty();
    };
  }
}
