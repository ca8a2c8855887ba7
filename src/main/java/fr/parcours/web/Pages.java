package fr.parcours.web;

import fr.parcours.common.Tokens;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Renders server-side pages: the feature builds the model, the template only displays it.
 * Every page gets the messages of the visitor's language as {@code t} and the language as
 * {@code lang}, so templates never hold French or English text of their own.
 */
public final class Pages {

  /** Stands for each visitor's CSRF token in a page prepared for everyone: random, so no page text matches it. */
  private static final String TOKEN_SLOT = "csrf" + Tokens.newToken();
  /** A prepared page is checked again at every visit (ETag), and is one visitor's: it carries their token. */
  private static final String PREPARED_CACHE_CONTROL = "private, no-cache";

  private final Vertx vertx;
  private final Templates templates = new Templates();

  public Pages(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Compiles the templates {@code which} names (a path under templates/ without its suffix, such
   * as "programme" or "partials/head") not compiled yet, off the event loop. A start compiles
   * the warm-up's while its database starts, and the other fifty or so (ANTLR parsing, a second
   * of CPU) once its port is open. A template's first visitor finds it compiled, or compiles it
   * on a worker thread as this does.
   */
  public Future<Void> compile(Predicate<String> which) {
    return vertx.executeBlocking(() -> {
      templates.compile(which);
      return null;
    }, false);
  }

  public void render(RoutingContext ctx, int status, String template, JsonObject model) {
    // Pages are mostly rendered from a Future's onSuccess, which would swallow a throw here and
    // leave the visitor waiting: a failure becomes the error page instead. Rendering takes
    // milliseconds of CPU: never on the event loop.
    Future.succeededFuture(model).map(page -> complete(ctx, page, PageSecurity.csrfToken(ctx)))
        .compose(page -> vertx.executeBlocking(() -> templates.render(template, page), false))
        .onSuccess(html -> ctx.response()
            .setStatusCode(status)
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .end(html))
        .onFailure(ctx::fail);
  }

  /**
   * Renders a page the same for every visitor (no personal state in its model), to serve from
   * memory with {@link #send}: its forms carry a slot for each visitor's own CSRF token.
   */
  public Future<PageBody> prepare(RoutingContext ctx, String template, JsonObject model) {
    JsonObject page = complete(ctx, model, TOKEN_SLOT);
    return vertx.executeBlocking(() -> PageBody.of(templates.render(template, page), TOKEN_SLOT), false);
  }

  /** Answers a prepared page with the visitor's token in it, or 304 when their copy is current. */
  public static void send(RoutingContext ctx, PageBody page) {
    String token = PageSecurity.csrfToken(ctx);
    boolean gzipped = Encoded.gzipFor(ctx.request()) && page.gzips(token);
    String etag = page.etag(token, gzipped);
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, PREPARED_CACHE_CONTROL)
        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
        .putHeader(HttpHeaders.ETAG, etag);
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null
        && (Encoded.matches(ifNoneMatch, etag) || Encoded.matches(ifNoneMatch, page.etag(token, !gzipped)))) {
      response.setStatusCode(304).end();
      return;
    }
    if (gzipped) {
      // Already compressed: the server's own compression lets a response with an encoding pass.
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    response.end(page.with(token, gzipped));
  }

  private static JsonObject complete(RoutingContext ctx, JsonObject model, String csrfToken) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    model.put("lang", language)
        .put("t", messages)
        .put("path", ctx.normalizedPath())
        .put("csrf", csrfToken);
    JsonArray errors = said(model.getJsonArray("errors"), language);
    if (errors != null) {
      model.put("errors", errors);
    }
    return model.put("fe", byField(errors));
  }

  /** What a page lists of a refusal: each field's problem, or the refusal itself when it names none. */
  public static List<FieldError> fieldErrors(AppException refusal) {
    return refusal.details().isEmpty() ? List.of(refusal.asFieldError()) : refusal.details();
  }

  /**
   * The refused fields for a page's model under {@code errors}; rendering says each in the
   * page's language ({@code field}, {@code code}, {@code label}, {@code message}).
   */
  public static JsonArray errorList(List<FieldError> errors) {
    return new JsonArray(new ArrayList<>(errors));
  }

  /** One refused field as a page shows it, in the language. */
  public static JsonObject said(FieldError error, String language) {
    return new JsonObject().put("field", error.field()).put("code", error.code())
        .put("label", error.label(language)).put("message", error.text(language));
  }

  private static JsonArray said(JsonArray errors, String language) {
    if (errors == null) {
      return null;
    }
    return new JsonArray(errors.stream()
        .map(error -> error instanceof FieldError field ? said(field, language) : error)
        .collect(Collectors.<Object, List<Object>>toCollection(ArrayList::new)));
  }

  /** Each refused field's message under its name with dots as underscores ("school_uai"), to show next to its input. */
  private static JsonObject byField(JsonArray errors) {
    JsonObject fields = new JsonObject();
    if (errors != null) {
      errors.forEach(error -> {
        JsonObject e = (JsonObject) error;
        fields.put(e.getString("field", "").replace('.', '_'), e.getString("message"));
      });
    }
    return fields;
  }
}
