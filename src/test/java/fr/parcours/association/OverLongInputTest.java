package fr.parcours.association;

import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.ServerTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.association.AssociationApi.as;
import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The anonymous and association inputs issue #11 found answered 500 or taking seconds: each is
 * a prompt 400 naming its field, and nothing of it is stored or mailed.
 */
class OverLongInputTest extends ServerTest {

  private static final String LONG = "x".repeat(2800);

  private static AssociationApi fair;

  @BeforeAll
  static void buildFair() {
    fair = new AssociationApi(app, "salon-long");
  }

  @Test
  void aRegistrationWithA2800CharacterNameOrEmailIsA400NamingBoth() {
    HttpResponse<Buffer> refused = fair.register(AssociationApi.registration(LONG, LONG + "@example.org"));
    assertRefused(refused, List.of("name", "contact.email"));
    assertEquals(0L, count("SELECT count(*) FROM associations WHERE length(name) > 200"));
  }

  @Test
  void sixteenThousandEmptyAvailabilityRowsAreRefusedAtTheListsLengthAtOnce() {
    String ocean = fair.signedIn("Océan Propre", "ocean@long.test");
    JsonArray rows = new JsonArray();
    for (int i = 0; i < 16_000; i++) {
      rows.add(new JsonObject());
    }
    long started = System.nanoTime();
    HttpResponse<Buffer> refused = send(as(app.client().post(fair.base + "/associations/me/offers"), ocean),
        OfferLifecycleTest.talk("Atelier").put("availability", rows));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertRefused(refused, List.of("availability"));
    assertTrue(millis < 3000, "answered in " + millis + " ms");
  }

  @Test
  void aClassNameOfNearlyAMegabyteIsRefusedAndMailsNothing() {
    BookingFixtures.Fair booking = BookingFixtures.fair(app, "salon-long-class", 60);
    long mails = count("SELECT count(*) FROM outbox");
    for (String name : List.of("c".repeat(201), "c".repeat(900_000))) {
      assertRefused(book(booking, name), List.of("class.name"));
    }
    HttpResponse<Buffer> megabyte = book(booking, "c".repeat(1_100_000));
    assertEquals(413, megabyte.statusCode(), megabyte.bodyAsString());
    assertEquals("BODY_TOO_LARGE", megabyte.bodyAsJsonObject().getString("code"));
    assertEquals(mails, count("SELECT count(*) FROM outbox"), "no message was queued");
  }

  private static HttpResponse<Buffer> book(BookingFixtures.Fair fair, String className) {
    return send(app.client().post("/api/fairs/" + fair.slug() + "/bookings")
        .putHeader("Idempotency-Key", "long-" + className.length()),
        withClassName(BookingFixtures.request("0330023A", "3e L", 25, 2), className));
  }

  private static JsonObject withClassName(JsonObject request, String className) {
    request.getJsonObject("class").put("name", className);
    return request;
  }

  private static void assertRefused(HttpResponse<Buffer> response, List<String> fields) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("VALIDATION_FAILED", body.getString("code"));
    assertEquals(fields, body.getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("field")).toList());
  }

  private static long count(String sql) {
    return await(app.pool().query(sql).execute()).iterator().next().getLong(0);
  }
}
