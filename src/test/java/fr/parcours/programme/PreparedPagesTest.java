package fr.parcours.programme;

import fr.parcours.support.Poll;
import fr.parcours.support.ServerLog;
import fr.parcours.support.TestApp;
import fr.parcours.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static fr.parcours.support.TestApp.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programme and session pages are prepared once per change of what they show and served
 * from memory: each visitor still gets their own CSRF token and stars, each language its own
 * page, and a change shows. Nothing renders on an event loop: a blocked-thread warning fails.
 */
@ExtendWith(VertxExtension.class)
class PreparedPagesTest {

  private static final String DEMO = "/fairs/teens-up-bordeaux-2027";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static ServerLog logged;
  private static TestApp app;

  @BeforeAll
  static void startWithTheDemo(Vertx vertx) throws Exception {
    logged = ServerLog.copy();
    // One second is far above any event-loop task once rendering is off it, and far below the
    // seconds a first programme page took when it rendered there.
    // A loaded machine may take seconds to open the demo load's connections.
    app = TestApp.startAsync(vertx, TestDatabase.freshDatabaseUrl(), new JsonObject()
        .put("limits", new JsonObject().put("event_loop_warn_ms", 1000))
        .put("db", new JsonObject().put("acquire_timeout_ms", 30_000)), true)
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    // What counts is what serving pages does, not the start's class loading.
    logged.take();
  }

  @AfterAll
  static void stop() {
    app.close();
    logged.close();
  }

  @Test
  void theFirstPagesAfterAStartRenderOffTheEventLoop() {
    for (String path : new String[] {DEMO, DEMO + "?lang=en", DEMO + "?track=s-orienter&kind=talk", DEMO + "/book",
        DEMO + "/selection", "/admin/login", "/associations", DEMO + "/sessions/999999", "/no-such-page"}) {
      HttpResponse<Buffer> page = get(path, null);
      assertTrue(page.statusCode() == 200 || page.statusCode() == 404, path + ": " + page.statusCode());
    }
    ServerLog.awaitLoopsFree(app.application().services().vertx());
    String log = logged.take();
    assertFalse(log.contains("BlockedThreadChecker"), log);
  }

  @Test
  void everyVisitorGetsTheSamePageWithTheirOwnTokenAndA304WhenItIsCurrent() {
    HttpResponse<Buffer> first = get(DEMO, null);
    String token = csrf(first.bodyAsString());
    assertTrue(first.cookies().stream().anyMatch(cookie -> cookie.startsWith("csrf=" + token + ";")),
        "a new visitor gets the token of their forms as a cookie");
    HttpResponse<Buffer> again = get(DEMO, "csrf=" + token);
    assertEquals(first.bodyAsString(), again.bodyAsString());
    assertEquals("private, no-cache", again.getHeader("Cache-Control"));
    HttpResponse<Buffer> other = get(DEMO, "csrf=another-visitors-token");
    assertEquals(first.bodyAsString().replace(token, "another-visitors-token"), other.bodyAsString());
    assertNotEquals(again.getHeader("ETag"), other.getHeader("ETag"));

    HttpResponse<Buffer> current = await(request(DEMO, "csrf=" + token)
        .putHeader("If-None-Match", again.getHeader("ETag")).send());
    assertEquals(304, current.statusCode());
    HttpResponse<Buffer> notTheirs = await(request(DEMO, "csrf=another-visitors-token")
        .putHeader("If-None-Match", again.getHeader("ETag")).send());
    assertEquals(200, notTheirs.statusCode(), "a copy holding another token is not current");
  }

  @Test
  void aBrowserTakingGzipGetsTheSamePageCompressedOnceWithItsOwnTokenSplicedIn() throws IOException {
    String token = csrf(get(DEMO, null).bodyAsString());
    HttpResponse<Buffer> plain = get(DEMO, "csrf=" + token);
    HttpResponse<Buffer> zipped = await(request(DEMO, "csrf=" + token).putHeader("Accept-Encoding", "gzip").send());
    assertEquals("gzip", zipped.getHeader("Content-Encoding"));
    assertEquals("accept-encoding", zipped.getHeader("Vary").toLowerCase(java.util.Locale.ROOT));
    assertTrue(zipped.body().length() < plain.body().length() / 4, "compressed: " + zipped.body().length());
    assertEquals(plain.bodyAsString(), gunzip(zipped.body().getBytes()));
    assertNotEquals(plain.getHeader("ETag"), zipped.getHeader("ETag"), "each representation its own tag");
    HttpResponse<Buffer> current = await(request(DEMO, "csrf=" + token).putHeader("Accept-Encoding", "gzip")
        .putHeader("If-None-Match", zipped.getHeader("ETag")).send());
    assertEquals(304, current.statusCode());
  }

  @Test
  void eachLanguageHasItsOwnPage() {
    assertTrue(get(DEMO, null).bodyAsString().contains("<html lang=\"fr\">"));
    assertTrue(get(DEMO + "?lang=en", null).bodyAsString().contains("<html lang=\"en\">"));
    assertTrue(get(DEMO, "lang=en").bodyAsString().contains("<html lang=\"en\">"));
    assertTrue(get(DEMO, null).bodyAsString().contains("<html lang=\"fr\">"), "and French stays French");
  }

  @Test
  void aVisitorsStarsAreTheirsAlone() {
    HttpResponse<Buffer> page = get(DEMO, null);
    String token = csrf(page.bodyAsString());
    Matcher session = Pattern.compile("data-star=\"(\\d+)\"").matcher(page.bodyAsString());
    assertTrue(session.find());
    HttpResponse<Buffer> starred = await(app.client().post(DEMO + "/selection").followRedirects(false).putHeader("Cookie", "csrf=" + token)
        .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("csrf", token)
            .add("session", session.group(1)).add("action", "star").add("return", DEMO)));
    assertEquals(303, starred.statusCode(), starred.bodyAsString());
    String selection = starred.cookies().stream().filter(cookie -> cookie.startsWith("selection="))
        .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst().orElseThrow();

    String theirs = get(DEMO, "csrf=" + token + "; " + selection).bodyAsString();
    assertTrue(theirs.contains("data-star=\"" + session.group(1) + "\" aria-pressed=\"true\""), "their star shows");
    assertEquals("no-store", get(DEMO, "csrf=" + token + "; " + selection).getHeader("Cache-Control"));
    assertFalse(get(DEMO, null).bodyAsString().contains("aria-pressed=\"true\""), "no one else sees it");
  }

  @Test
  void aChangeShowsOnThePreparedPages() {
    String sessionPage = DEMO + "/sessions/" + firstSessionId();
    assertFalse(get(DEMO, null).bodyAsString().contains("Titre changé"));
    assertFalse(get(sessionPage, null).bodyAsString().contains("Titre changé"));
    await(app.pool().preparedQuery("UPDATE sessions SET title = 'Titre changé' WHERE id = $1")
        .execute(Tuple.of(firstSessionId())));
    Poll.until(Duration.ofSeconds(5), () -> get(DEMO, null).bodyAsString(), page -> page.contains("Titre changé"));
    Poll.until(Duration.ofSeconds(5), () -> get(sessionPage, null).bodyAsString(),
        page -> page.contains("Titre changé"));
  }

  private static long firstSessionId() {
    return await(app.pool().query("SELECT min(s.id) FROM sessions s JOIN fairs f ON f.id = s.fair_id "
        + "WHERE f.slug = 'teens-up-bordeaux-2027'").execute()).iterator().next().getLong(0);
  }

  private static HttpResponse<Buffer> get(String path, String cookies) {
    return await(request(path, cookies).send());
  }

  private static HttpRequest<Buffer> request(String path, String cookies) {
    HttpRequest<Buffer> request = app.client().get(path).putHeader("Accept", "text/html");
    return cookies == null ? request : request.putHeader("Cookie", cookies);
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    assertTrue(token.find(), "the page has a form");
    return token.group(1);
  }
}
