package fr.parcours.web;

import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** /health follows the database: 503 while it refuses connections, 200 again once it is back. */
@ExtendWith(VertxExtension.class)
class HealthTest {

  @Test
  void healthFollowsTheDatabase(Vertx vertx) {
    String url = TestDatabase.freshDatabaseUrl();
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (TestApp app = TestApp.start(vertx, url, new JsonObject())) {
      assertEquals(200, send(app.client().get("/health"), null).statusCode());

      TestDatabase.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
      TestDatabase.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
      var down = send(app.client().get("/health"), null);
      assertEquals(503, down.statusCode());
      assertEquals("down", down.bodyAsJsonObject().getString("database"));

      TestDatabase.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
      assertEquals(200, send(app.client().get("/health"), null).statusCode());
    }
  }
}
