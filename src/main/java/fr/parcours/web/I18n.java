package fr.parcours.web;

import fr.parcours.i18n.Catalogue;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Page language: French first (the users are French teachers and associations), English on
 * request. {@code ?lang=en} switches and is remembered in a cookie; otherwise the browser's
 * Accept-Language decides, and French when it names neither.
 */
public final class I18n {

  public static final List<String> LANGUAGES = Catalogue.LANGUAGES;
  private static final String COOKIE = "lang";
  private static final Map<String, JsonObject> MESSAGES = LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(
      Function.identity(), language -> new JsonObject(Collections.unmodifiableMap(Catalogue.messages(language)))));

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
    return accepted(ctx).orElse("fr");
  }

  /**
   * The language a program asked for with Accept-Language, English when it names neither
   * (the API's default; pages default to French).
   */
  public static String apiLanguage(RoutingContext ctx) {
    return accepted(ctx).orElse("en");
  }

  /**
   * The language a request named with Accept-Language, or null: what a person is written to
   * in later (null leaves it to the fair's language).
   */
  public static String named(RoutingContext ctx) {
    return accepted(ctx).orElse(null);
  }

  private static Optional<String> accepted(RoutingContext ctx) {
    return ctx.acceptableLanguages().stream()
        .map(language -> language.tag())
        .filter(LANGUAGES::contains)
        .findFirst();
  }

  /**
   * Every message of the language, for templates to read as {@code {{t.key}}}: one read-only
   * object per language, shared by every page.
   */
  public static JsonObject messages(String language) {
    return MESSAGES.get(Catalogue.supported(language));
  }

  public static String message(String language, String key) {
    return Catalogue.text(language, key);
  }
}
