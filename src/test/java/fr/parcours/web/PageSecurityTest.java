package fr.parcours.web;

import fr.parcours.support.PageForms;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every response is hardened in one place: headers, cookie flags, CSRF on forms, the organiser's session. */
class PageSecurityTest extends ServerTest {

  @Test
  void pagesAndTheApiCarryTheSecurityHeaders() {
    for (String path : List.of("/", "/api/fairs", "/css/parcours.css")) {
      HttpResponse<Buffer> response = await(app.client().get(path).send());
      String csp = response.getHeader("Content-Security-Policy");
      assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
      assertEquals("nosniff", response.getHeader("X-Content-Type-Options"), path);
      assertEquals("same-origin", response.getHeader("Referrer-Policy"), path);
    }
  }

  @Test
  void theCsrfCookieIsHiddenFromScriptsAndOtherSites() {
    String cookie = csrfCookie(app);
    assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Lax"), cookie);
    assertTrue(!cookie.contains("Secure"), "plain http in tests: " + cookie);
  }

  @Test
  void overHttpsCookiesAreSecure(Vertx vertx) {
    JsonObject https = new JsonObject().put("http", new JsonObject().put("public_url", "https://parcours.example"));
    try (TestApp secure = TestApp.start(vertx, TestDatabase.freshDatabaseUrl(), https)) {
      assertTrue(csrfCookie(secure).contains("Secure"), csrfCookie(secure));
    }
  }

  @Test
  void aPostWithoutTheFormsTokenIsRefused() {
    HttpResponse<Buffer> response = await(app.client().post("/admin/login")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("email", "someone@example.org").add("password", "x")));
    assertEquals(403, response.statusCode());
    assertEquals("CSRF_REFUSED", response.bodyAsJsonObject().getString("code"));
  }

  @Test
  void theOrganisersSessionCookieStaysOnTheAdminPages() {
    app.organiserToken("session@organiser.test");
    HttpResponse<Buffer> signedIn = PageForms.post(app, "/admin/login", MultiMap.caseInsensitiveMultiMap()
        .add("email", "session@organiser.test").add("password", TestApp.ORGANISER_PASSWORD));
    assertEquals(303, signedIn.statusCode());
    String cookie = signedIn.cookies().stream().filter(c -> c.startsWith("parcours_admin=")).findFirst().orElseThrow();
    assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Lax")
        && cookie.contains("Path=/admin"), cookie);

    String session = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<Buffer> fairs = await(app.client().get("/admin").putHeader("Cookie", session).send());
    assertTrue(fairs.bodyAsString().contains("id=\"logout-form\""));
  }

  @Test
  void signedOutVisitorsAreSentToTheSignInForm() {
    for (String path : List.of("/admin/fairs/any", "/admin/fairs/any/bookings.csv")) {
      HttpResponse<Buffer> response = await(app.client().get(path).followRedirects(false).send());
      assertEquals(303, response.statusCode(), path);
      assertEquals("/admin", response.getHeader("Location"), path);
    }
    HttpResponse<Buffer> forged = await(app.client().get("/admin/fairs/any")
        .putHeader("Cookie", "parcours_admin=not-a-token").followRedirects(false).send());
    assertEquals(303, forged.statusCode());
  }

  private static String csrfCookie(TestApp server) {
    HttpResponse<Buffer> page = await(server.client().get("/").send());
    return page.cookies().stream().filter(c -> c.startsWith("csrf=")).findFirst().orElseThrow();
  }
}
