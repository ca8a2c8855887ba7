package fr.parcours.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Page language: French first (the users are French teachers and associations), English on
 * request. {@code ?lang=en} switches and is remembered in a cookie; otherwise the browser's
 * Accept-Language decides, and French when it names neither.
 */
public final class I18n {

  public static final List<String> LANGUAGES = List.of("fr", "en");
  private static final String COOKIE = "lang";

  private I18n() {
  }

  public static String language(RoutingContext ctx) {
    String asked = ctx.queryParams().get("lang");
    if (asked != null && LANGUAGES.contains(asked)) {
      ctx.response().addCookie(PageSecurity.cookie(ctx, COOKIE, asked, "/", 365L * 24 * 3600));
      return asked;
    }
    Cookie remembered = ctx.request().getCookie(COOKIE);
    if (remembered != null && LANGUAGES.contains(remembered.getValue())) {
      return remembered.getValue();
    }
    return ctx.acceptableLanguages().stream()
        .map(language -> language.tag())
        .filter(LANGUAGES::contains)
        .findFirst()
        .orElse("fr");
  }

  /** Every message of the language, for templates to read as {@code {{t.key}}}. */
  public static JsonObject messages(String language) {
    ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    JsonObject messages = new JsonObject();
    bundle.keySet().forEach(key -> messages.put(key, bundle.getString(key)));
    return messages;
  }

  public static String message(String language, String key) {
    return messages(language).getString(key, key);
  }
}
