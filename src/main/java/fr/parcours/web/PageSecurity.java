package fr.parcours.web;

import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one place that hardens every response: security headers, cookie flags, and CSRF
 * protection for the pages' forms. CSRF uses a double-submit token: a random value in an
 * HttpOnly cookie, repeated in a hidden field of every form; a post whose field does not match
 * the cookie came from another site and is refused. The JSON API is exempt: it authenticates
 * with a bearer header, which a forged cross-site form cannot send, or with a SameSite=Lax
 * session cookie, which browsers leave out of another site's posts.
 */
public final class PageSecurity implements Handler<RoutingContext> {

  public static final String CSRF_FIELD = "csrf";
  private static final String CSRF_COOKIE = "csrf";
  private static final String TOKEN_KEY = "csrf.token";
  private static final String SECURE_KEY = "cookies.secure";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** Names and values in pairs, as bytes already: every response writes them by copying, not char by char. */
  private static final CharSequence[] SECURE_HEADERS = Stream.of("Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin", "X-Frame-Options", "DENY")
      .map(HttpHeaders::createOptimized).toArray(CharSequence[]::new);

  private final boolean secureCookies;

  /** Cookies get the Secure flag when the server is reached over https. */
  public PageSecurity(String publicUrl) {
    this.secureCookies = publicUrl.startsWith("https://");
  }

  /**
   * Puts the security headers on every response, refusals included: mounted before the body is
   * read, so that a 413 carries them too ({@link ErrorHandler#invalidRequest} adds them to what
   * the router never sees).
   */
  public static void headers(RoutingContext ctx) {
    secureHeaders(ctx.response().headers());
    ctx.next();
  }

  static void secureHeaders(MultiMap headers) {
    for (int i = 0; i < SECURE_HEADERS.length; i += 2) {
      headers.set(SECURE_HEADERS[i], SECURE_HEADERS[i + 1]);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (secureCookies) {
      ctx.put(SECURE_KEY, true);
    }
    String token = sentToken(ctx);
    boolean write = !SAFE.contains(ctx.request().method());
    if (write && ctx.normalizedPath().startsWith("/api/") && cookieAuthenticated(ctx) && !json(ctx)) {
      ctx.fail(415);
      return;
    }
    if (write && !ctx.normalizedPath().startsWith("/api/")
        && !matches(token, ctx.request().getFormAttribute(CSRF_FIELD))) {
      ctx.fail(new AppException(AppException.Kind.FORBIDDEN, "CSRF_REFUSED", Map.of(), List.of()));
      return;
    }
    if (token != null) {
      ctx.put(TOKEN_KEY, token);
    }
    ctx.next();
  }

  /**
   * The CSRF cookie's value, if any. Without a Cookie header the request's cookies are not
   * parsed: that would give the response a cookie jar to go through as it is written.
   */
  private static String sentToken(RoutingContext ctx) {
    if (ctx.request().getHeader(HttpHeaders.COOKIE) == null) {
      return null;
    }
    Cookie sent = ctx.request().getCookie(CSRF_COOKIE);
    return sent == null || sent.getValue().isBlank() ? null : sent.getValue();
  }

  /** A request a browser may have sent on its own, with the cookies it holds: no bearer header. */
  private static boolean cookieAuthenticated(RoutingContext ctx) {
    return ctx.request().getHeader("Authorization") == null && ctx.request().getHeader("Cookie") != null;
  }

  /** JSON cannot be sent cross-origin without a CORS preflight, which this server never grants. */
  private static boolean json(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** The token a page puts in its forms; the first page a visitor sees also sets its cookie. */
  public static String csrfToken(RoutingContext ctx) {
    String token = ctx.get(TOKEN_KEY);
    if (token == null) {
      // Drawn on the first form a visitor is shown, not on every request: feeds and API reads need none.
      token = Tokens.newToken();
      ctx.put(TOKEN_KEY, token);
      ctx.response().addCookie(cookie(ctx, CSRF_COOKIE, token, "/", -1));
    }
    return token;
  }

  /** A cookie scripts cannot read, not sent along cross-site requests, Secure over https. */
  public static Cookie cookie(RoutingContext ctx, String name, String value, String path, long maxAgeSeconds) {
    Cookie cookie = Cookie.cookie(name, value).setPath(path).setHttpOnly(true).setSameSite(CookieSameSite.LAX)
        .setSecure(Boolean.TRUE.equals(ctx.get(SECURE_KEY)));
    if (maxAgeSeconds >= 0) {
      cookie.setMaxAge(maxAgeSeconds);
    }
    return cookie;
  }

  private static boolean matches(String expected, String given) {
    return expected != null && given != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
