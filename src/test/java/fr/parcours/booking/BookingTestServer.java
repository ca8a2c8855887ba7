package fr.parcours.booking;

import fr.parcours.support.TestApp;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** One server per booking test class; each test makes its own fair, so tests do not meet. */
@ExtendWith(VertxExtension.class)
abstract class BookingTestServer {

  static TestApp app;
  static BookingApi api;

  @BeforeAll
  static void start(Vertx vertx) {
    app = TestApp.start(vertx);
    api = new BookingApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }
}
