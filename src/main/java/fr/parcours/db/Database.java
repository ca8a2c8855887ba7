package fr.parcours.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the one connection pool every feature repository shares. */
public final class Database {

  private Database() {
  }

  public static Pool pool(Vertx vertx, String url, int size) {
    PgConnectOptions connect = PgConnectOptions.fromUri(url)
        .setCachePreparedStatements(true)
        .addProperty("client_min_messages", "warning");
    PoolOptions options = new PoolOptions()
        .setMaxSize(size)
        .setName("parcours")
        .setShared(false);
    return PgBuilder.pool().with(options).connectingTo(connect).using(vertx).build();
  }
}
