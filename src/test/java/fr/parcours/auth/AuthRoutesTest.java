package fr.parcours.auth;

import fr.parcours.support.ServerTest;
import fr.parcours.support.TestApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static fr.parcours.support.TestApp.authorized;
import static fr.parcours.support.TestApp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class AuthRoutesTest extends ServerTest {


  @Test
  void healthIsUpWithTheDatabase() {
    HttpResponse<Buffer> health = send(app.client().get("/health"), null);
    assertEquals(200, health.statusCode());
    assertEquals("up", health.bodyAsJsonObject().getString("database"));
  }

  @Test
  void loginGivesATokenThatIdentifiesTheOrganiser() {
    String token = app.organiserToken("claire@example.org");
    HttpResponse<Buffer> me = send(authorized(app.client().get("/api/auth/me"), token), null);
    assertEquals(200, me.statusCode());
    assertEquals("claire@example.org", me.bodyAsJsonObject().getString("email"));
  }

  @Test
  void wrongPasswordIsRefused() {
    app.organiserToken("paul@example.org");
    HttpResponse<Buffer> login = send(app.client().post("/api/auth/login"),
        new JsonObject().put("email", "paul@example.org").put("password", "not the password"));
    assertEquals(401, login.statusCode());
    assertEquals("UNAUTHENTICATED", login.bodyAsJsonObject().getString("code"));
  }

  @Test
  void loginNamesEachMissingField() {
    HttpResponse<Buffer> login = send(app.client().post("/api/auth/login"), new JsonObject().put("email", 42));
    assertEquals(400, login.statusCode());
    JsonObject body = login.bodyAsJsonObject();
    assertNotNull(body.getString("error"));
    assertEquals("email", body.getJsonArray("details").getJsonObject(0).getString("field"));
    assertEquals("NOT_TEXT", body.getJsonArray("details").getJsonObject(0).getString("code"));
    assertEquals("must be a text", body.getJsonArray("details").getJsonObject(0).getString("message"));
    assertEquals("password", body.getJsonArray("details").getJsonObject(1).getString("field"));
  }

  @Test
  void anonymousAndForgedTokensGet401() {
    assertEquals(401, send(app.client().get("/api/auth/me"), null).statusCode());
    assertEquals(401, send(authorized(app.client().get("/api/auth/me"), "forged"), null).statusCode());
  }

  @Test
  void malformedJsonIsA400NotA500() {
    HttpResponse<Buffer> login = TestApp.await(app.client().post("/api/auth/login")
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"email\": ")));
    assertEquals(400, login.statusCode());
    assertEquals("body", login.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("field"));
  }

  @Test
  void logoutRevokesTheToken() {
    String token = app.organiserToken("lea@example.org");
    assertEquals(204, send(authorized(app.client().post("/api/auth/logout"), token), null).statusCode());
    assertEquals(401, send(authorized(app.client().get("/api/auth/me"), token), null).statusCode());
  }

  @Test
  void passwordsBeyondWhatBcryptReadsAreRefusedNotCrashed() {
    app.organiserToken("long@example.org");
    String eightyChars = "x".repeat(80);
    HttpResponse<Buffer> login = send(app.client().post("/api/auth/login"),
        new JsonObject().put("email", "long@example.org").put("password", eightyChars));
    assertEquals(401, login.statusCode());
    HttpResponse<Buffer> unknown = send(app.client().post("/api/auth/login"),
        new JsonObject().put("email", "nobody@example.org").put("password", eightyChars));
    assertEquals(401, unknown.statusCode());
  }
}
