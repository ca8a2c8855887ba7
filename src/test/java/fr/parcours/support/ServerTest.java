package fr.parcours.support;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class speaking HTTP to one real server on its own fresh database. */
@ExtendWith(VertxExtension.class)
public abstract class ServerTest {

  protected static TestApp app;

  @BeforeAll
  static void startServer(Vertx vertx) {
    app = TestApp.start(vertx);
  }

  @AfterAll
  static void stopServer() {
    app.close();
  }
}
