package fr.parcours.web;

import fr.parcours.association.AssociationApi;
import fr.parcours.support.RawHttp;
import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests malformed below the JSON level: each gets a prompt JSON 4xx with the security headers. */
class BadRequestsTest extends ServerTest {

  private static void assertJsonError(RawHttp.Answer answer, int status, String code) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.headers().get("content-type").startsWith("application/json"), answer.headers().toString());
    assertEquals(code, new JsonObject(answer.body()).getString("code"));
    assertEquals("nosniff", answer.headers().get("x-content-type-options"));
    assertTrue(answer.headers().containsKey("content-security-policy"));
  }

  private static String firstField(RawHttp.Answer answer) {
    return new JsonObject(answer.body()).getJsonArray("details").getJsonObject(0).getString("field");
  }

  @Test
  void aMalformedEscapeIsAJson400() {
    assertJsonError(RawHttp.get(app.port(), "/api/fairs/%zz"), 400, "BAD_REQUEST");
  }

  @Test
  void aNulInThePathOrAParameterIsA400NamingIt() {
    RawHttp.Answer path = RawHttp.get(app.port(), "/api/fairs/a%00b");
    assertJsonError(path, 400, "VALIDATION_FAILED");
    assertEquals("path", firstField(path));
    RawHttp.Answer query = RawHttp.get(app.port(), "/api/fairs?status=%00");
    assertJsonError(query, 400, "VALIDATION_FAILED");
    assertEquals("status", firstField(query));
  }

  @Test
  void aBodyOverItsLimitIsAJson413() {
    String body = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertJsonError(RawHttp.exchange(app.port(), "POST /api/fairs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body), 413, "BODY_TOO_LARGE");
  }

  @Test
  void anOverLongUrlIsAJson414() {
    assertJsonError(RawHttp.get(app.port(), "/api/fairs/" + "a".repeat(20_000)), 414, "URI_TOO_LONG");
  }

  @Test
  void overLargeHeadersAreAJson431() {
    assertJsonError(RawHttp.get(app.port(), "/api/fairs", "X-Big: " + "b".repeat(20_000)), 431, "HEADERS_TOO_LARGE");
  }

  @Test
  void aReturnPathWithALineBreakGoesBackToTheSelection() {
    AssociationApi fair = new AssociationApi(app, "salon-retour");
    fair.create(fair.base + "/rooms", new JsonObject().put("slug", "amphi").put("name", "Amphi").put("venue", "hotel")
        .put("kind", "conference").put("capacity", 100));
    long session = fair.create(fair.base + "/sessions", new JsonObject().put("title", "Métiers").put("kind", "talk")
        .put("track", "s-orienter").put("room", "amphi").put("starts_at", AssociationApi.DAY + "T09:00:00+01:00")
        .put("ends_at", AssociationApi.DAY + "T09:30:00+01:00")).getLong("id");
    for (String asked : new String[] {"/fairs/salon-retour/\r\nSet-Cookie: x=1", "//evil.example/fairs/salon-retour",
        "/fairs/salon-retour/\\\\evil", "https://evil.example/"}) {
      HttpResponse<Buffer> answer = TestApp.await(app.client().post("/fairs/salon-retour/selection")
          .putHeader("Cookie", "csrf=abc").followRedirects(false)
          .sendForm(MultiMap.caseInsensitiveMultiMap().add("csrf", "abc").add("session", String.valueOf(session))
              .add("return", asked)));
      assertEquals(303, answer.statusCode(), asked);
      assertEquals("/fairs/salon-retour/selection", answer.getHeader("Location"), asked);
    }
    HttpResponse<Buffer> kept = TestApp.await(app.client().post("/fairs/salon-retour/selection")
        .putHeader("Cookie", "csrf=abc").followRedirects(false)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("csrf", "abc").add("session", String.valueOf(session))
            .add("return", "/fairs/salon-retour?day=" + AssociationApi.DAY)));
    assertEquals("/fairs/salon-retour?day=" + AssociationApi.DAY, kept.getHeader("Location"));
  }
}
