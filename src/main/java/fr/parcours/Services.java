package fr.parcours;

import fr.parcours.auth.AuthService;
import fr.parcours.config.AppConfig;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** The composition root: every feature service, built once over the shared pool. */
public final class Services {

  final Vertx vertx;
  final Pool pool;
  final AppConfig config;
  final AuthService auth;

  Services(Vertx vertx, Pool pool, AppConfig config) {
    this.vertx = vertx;
    this.pool = pool;
    this.config = config;
    this.auth = new AuthService(vertx, pool);
  }

  public AuthService auth() {
    return auth;
  }

  public Pool pool() {
    return pool;
  }
}
