package fr.parcours.booking;

import fr.parcours.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;

/** One server per booking test class; each test makes its own fair, so tests do not meet. */
abstract class BookingTestServer extends ServerTest {

  static BookingApi api;

  @BeforeAll
  static void bookingApi() {
    api = new BookingApi(app);
  }
}
