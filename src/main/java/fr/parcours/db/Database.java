package fr.parcours.db;

import fr.parcours.config.AppConfig.DbLimits;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.concurrent.TimeUnit;

/**
 * Builds the one connection pool every feature repository shares, and the options of every
 * other connection the server opens (the listener's, the health check's): all bounded by the
 * same {@link DbLimits}, so that nothing waits on the database for ever.
 */
public final class Database {

  private Database() {
  }

  public static Pool pool(Vertx vertx, String url, int size, DbLimits limits) {
    PoolOptions options = new PoolOptions()
        .setMaxSize(size)
        .setMaxWaitQueueSize(limits.maxWaitQueue())
        .setConnectionTimeout(limits.acquireTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setName("parcours")
        .setShared(false);
    return PgBuilder.pool().with(options).connectingTo(connectOptions(url, limits)).using(vertx).build();
  }

  /**
   * The URL's options with the limits as session settings, sent in the start-up packet so that
   * every connection has them from its first statement. The keepalives are PostgreSQL's, on its
   * side of the socket: they end the session (and free its locks) of an instance whose host
   * vanished; an instance merely paused is caught by the idle-in-transaction timeout. On this
   * side, a connection that cannot be opened is bounded by the pool's acquire timeout.
   */
  public static PgConnectOptions connectOptions(String url, DbLimits limits) {
    int keepalive = limits.tcpKeepaliveSeconds();
    return PgConnectOptions.fromUri(url)
        .setCachePreparedStatements(true)
        .addProperty("client_min_messages", "warning")
        .addProperty("lock_timeout", limits.lockTimeoutMs() + "ms")
        .addProperty("statement_timeout", limits.statementTimeoutMs() + "ms")
        .addProperty("idle_in_transaction_session_timeout", limits.idleInTransactionTimeoutMs() + "ms")
        .addProperty("tcp_keepalives_idle", String.valueOf(keepalive))
        .addProperty("tcp_keepalives_interval", String.valueOf(Math.max(1, keepalive / 2)))
        .addProperty("tcp_keepalives_count", "3");
  }
}
