package fr.parcours.web;

import fr.parcours.association.AssociationApi;
import fr.parcours.booking.BookingFixtures;
import fr.parcours.support.PageForms;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static fr.parcours.support.TestApp.await;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits (README "Limits"): organiser logins per account and per client address, sign-in
 * links per email and per address, bookings per teacher email and per address, each answered 429
 * {@code TOO_MANY_REQUESTS} with {@code Retry-After}, counted in the database so two instances
 * count together. Clients are told apart by {@code X-Forwarded-For}, the test's loopback being
 * the trusted proxy.
 */
@ExtendWith(VertxExtension.class)
class RateLimitTest {

  private static final JsonObject LIMITS = new JsonObject().put("limits", new JsonObject()
      .put("trusted_proxies", "127.0.0.1")
      .put("login_failures_per_account", 3).put("login_failures_per_address", 5)
      .put("sign_in_links_per_email", 2).put("sign_in_links_per_address", 4)
      .put("bookings_per_email", 2).put("bookings_per_address", 3));

  private static String dbUrl;
  private static TestApp app;
  private static TestApp other;

  @BeforeAll
  static void start(Vertx vertx) {
    dbUrl = TestDatabase.freshDatabaseUrl();
    app = TestApp.start(vertx, dbUrl, LIMITS);
    other = TestApp.start(vertx, dbUrl, LIMITS);
  }

  @AfterAll
  static void stop() {
    other.close();
    app.close();
  }

  @Test
  void wrongPasswordsOfOneAccountAreRefusedWith429PastTheLimitFromAnyAddressAndInstance() {
    app.organiserToken("guessed@example.org");
    for (int i = 0; i < 3; i++) {
      assertEquals(401, login(app, "198.51.100." + i, "guessed@example.org", "wrong " + i).statusCode());
    }
    HttpResponse<Buffer> refused = login(other, "198.51.100.9", "guessed@example.org", TestApp.ORGANISER_PASSWORD);
    assertTooMany(refused, 900);
  }

  @Test
  void wrongPasswordsFromOneAddressAreRefusedWhateverTheAccount() {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(app, "198.51.100.20", "nobody" + i + "@example.org", "wrong").statusCode());
    }
    assertTooMany(login(app, "198.51.100.20", "nobody9@example.org", "wrong"), 900);
    assertEquals(401, login(app, "198.51.100.21", "nobody9@example.org", "wrong").statusCode());
  }

  @Test
  void rightPasswordsGiveTheirCountBack() {
    app.organiserToken("often@example.org");
    for (int i = 0; i < 8; i++) {
      assertEquals(200, login(app, "198.51.100.30", "often@example.org", TestApp.ORGANISER_PASSWORD).statusCode());
    }
  }

  @Test
  void theOrganiserSignInFormSaysTheRefusalInFrenchWithRetryAfter() {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, formLogin("198.51.100.40", "form" + i + "@example.org").statusCode());
    }
    HttpResponse<Buffer> refused = formLogin("198.51.100.40", "form9@example.org");
    assertEquals(429, refused.statusCode());
    assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) > 0);
    assertTrue(refused.bodyAsString().contains("Trop de demandes"), refused.bodyAsString());
  }

  @Test
  void signInLinksOfOneEmailStopPastTheLimitWhetherTheEmailIsAnAssociationsOrNot() {
    AssociationApi fair = new AssociationApi(app, "salon-liens");
    for (String email : new String[] {"inconnue@example.org", "INCONNUE@example.org"}) {
      assertEquals(202, askLink(fair, "198.51.100." + email.length(), email).statusCode());
    }
    assertTooMany(askLink(fair, "198.51.100.50", "inconnue@example.org"), 3600);
    for (int i = 0; i < 4; i++) {
      assertEquals(202, askLink(fair, "198.51.100.60", "autre" + i + "@example.org").statusCode());
    }
    assertTooMany(askLink(fair, "198.51.100.60", "encore@example.org"), 3600);
  }

  @Test
  void registrationsMailingOneEmailStopPastTheLimit() {
    AssociationApi fair = new AssociationApi(app, "salon-inscriptions");
    for (int i = 0; i < 2; i++) {
      assertEquals(202, register(fair, "198.51.100.9" + i, "Asso " + i, "cible@example.org").statusCode());
    }
    assertTooMany(register(fair, "198.51.100.99", "Asso 9", "cible@example.org"), 3600);
  }

  @Test
  void bookingsGivingOneTeacherEmailStopPastTheLimitSoNoMailboxIsFlooded() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "salon-victime", 500);
    String victim = "victime@ac-bordeaux.fr";
    for (int i = 0; i < 2; i++) {
      assertEquals(201, book(fair, "198.51.100.7" + i, victim, "3e " + i).statusCode());
    }
    assertTooMany(book(fair, "198.51.100.79", victim, "3e Z"), 3600);
    long messages = await(app.pool().preparedQuery("SELECT count(*) FROM outbox WHERE recipient = $1")
        .execute(Tuple.of(victim))).iterator().next().getLong(0);
    assertEquals(2, messages);
  }

  @Test
  void bookingsFromOneAddressStopPastTheLimit() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "salon-adresse", 500);
    for (int i = 0; i < 3; i++) {
      assertEquals(201, book(fair, "198.51.100.80", "prof" + i + "@ac-bordeaux.fr", "4e " + i).statusCode());
    }
    assertTooMany(book(fair, "198.51.100.80", "prof9@ac-bordeaux.fr", "4e Z"), 3600);
  }

  @Test
  void aBookingRefusedForItsAddressDoesNotCountAgainstItsTeachersEmail() {
    BookingFixtures.Fair fair = BookingFixtures.fair(app, "salon-compte", 500);
    for (int i = 0; i < 3; i++) {
      assertEquals(201, book(fair, "198.51.100.90", "prof" + i + "@ac-toulouse.fr", "5e " + i).statusCode());
    }
    String teacher = "compte@ac-toulouse.fr";
    for (int i = 0; i < 3; i++) {
      assertTooMany(book(fair, "198.51.100.90", teacher, "5e Z" + i), 3600);
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(201, book(fair, "198.51.100.9" + (i + 1), teacher, "5e Y" + i).statusCode());
    }
  }

  private static void assertTooMany(HttpResponse<Buffer> response, int window) {
    assertEquals(429, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("TOO_MANY_REQUESTS", body.getString("code"));
    int seconds = Integer.parseInt(response.getHeader("Retry-After"));
    assertTrue(seconds > 0 && seconds <= window, "Retry-After " + seconds);
    assertEquals(seconds, body.getJsonObject("params").getInteger("seconds"));
  }

  private static HttpRequest<Buffer> from(HttpRequest<Buffer> request, String address) {
    return request.putHeader("X-Forwarded-For", address);
  }

  private static HttpResponse<Buffer> login(TestApp server, String address, String email, String password) {
    return send(from(server.client().post("/api/auth/login"), address),
        new JsonObject().put("email", email).put("password", password));
  }

  private static HttpResponse<Buffer> formLogin(String address, String email) {
    String token = PageForms.csrfToken(app);
    return await(from(app.client().post("/admin/login"), address).putHeader("Cookie", "csrf=" + token)
        .putHeader("Accept", "text/html").putHeader("Accept-Language", "fr").sendForm(MultiMap.caseInsensitiveMultiMap()
            .add("email", email).add("password", "wrong password").add("csrf", token)));
  }

  private static HttpResponse<Buffer> askLink(AssociationApi fair, String address, String email) {
    return send(from(app.client().post(fair.base + "/associations/sign-in"), address),
        new JsonObject().put("email", email));
  }

  private static HttpResponse<Buffer> register(AssociationApi fair, String address, String name, String email) {
    return send(from(app.client().post(fair.base + "/associations/registrations"), address), new JsonObject()
        .put("name", name).put("theme", "s-orienter")
        .put("contact", new JsonObject().put("name", "Camille Martin").put("email", email)));
  }

  private static HttpResponse<Buffer> book(BookingFixtures.Fair fair, String address, String email, String className) {
    JsonObject body = BookingFixtures.request("0330023A", className, 20, 2);
    body.getJsonObject("teacher").put("email", email);
    return send(from(app.client().post("/api/fairs/" + fair.slug() + "/bookings"), address)
        .putHeader("Idempotency-Key", UUID.randomUUID().toString()), body);
  }
}
