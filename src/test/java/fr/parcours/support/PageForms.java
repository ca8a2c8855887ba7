package fr.parcours.support;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import static fr.parcours.support.TestApp.await;

/**
 * Posts a page's form as a browser does: first loads a page for the CSRF cookie, then sends
 * the form with that cookie and the token in its hidden field. Redirects are not followed.
 */
public final class PageForms {

  private PageForms() {
  }

  /** The CSRF token a visitor's first page sets in its cookie. */
  public static String csrfToken(TestApp app) {
    HttpResponse<Buffer> page = await(app.client().get("/").send());
    return page.cookies().stream().filter(c -> c.startsWith("csrf=")).findFirst()
        .map(c -> c.substring("csrf=".length(), c.indexOf(';')))
        .orElseThrow(() -> new AssertionError("no csrf cookie in " + page.cookies()));
  }

  public static HttpResponse<Buffer> post(TestApp app, String path, MultiMap form) {
    return post(app, path, form, "*/*");
  }

  /** Posts as a browser on a page does, asking for an HTML answer (an error page rather than JSON). */
  public static HttpResponse<Buffer> postFromPage(TestApp app, String path, MultiMap form) {
    return post(app, path, form, "text/html");
  }

  /** Posts from a page of a signed-in visitor, whose session is the cookie {@code session} ("name=value"). */
  public static HttpResponse<Buffer> postSignedIn(TestApp app, String path, MultiMap form, String session) {
    return post(app, path, form, "text/html", "; " + session);
  }

  /** Posts from a page read in {@code language} (Accept-Language), with more cookies ("; name=value") or "". */
  public static HttpResponse<Buffer> postInLanguage(TestApp app, String path, MultiMap form, String language,
                                                    String moreCookies) {
    String token = csrfToken(app);
    return await(app.client().post(path).putHeader("Cookie", "csrf=" + token + moreCookies)
        .putHeader("Accept", "text/html").putHeader("Accept-Language", language)
        .followRedirects(false).sendForm(MultiMap.caseInsensitiveMultiMap().addAll(form).set("csrf", token)));
  }

  private static HttpResponse<Buffer> post(TestApp app, String path, MultiMap form, String accept) {
    return post(app, path, form, accept, "");
  }

  private static HttpResponse<Buffer> post(TestApp app, String path, MultiMap form, String accept, String moreCookies) {
    String token = csrfToken(app);
    return await(app.client().post(path).putHeader("Cookie", "csrf=" + token + moreCookies).putHeader("Accept", accept)
        .followRedirects(false).sendForm(MultiMap.caseInsensitiveMultiMap().addAll(form).set("csrf", token)));
  }
}
