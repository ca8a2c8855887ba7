package fr.parcours.web;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders server-side pages: the feature builds the model, the template only displays it.
 * Every page gets the messages of the visitor's language as {@code t} and the language as
 * {@code lang}, so templates never hold French or English text of their own.
 */
public final class Pages {

  private final HandlebarsTemplateEngine engine;

  public Pages(Vertx vertx) {
    this.engine = HandlebarsTemplateEngine.create(vertx);
  }

  public void render(RoutingContext ctx, int status, String template, JsonObject model) {
    // Pages are mostly rendered from a Future's onSuccess, which would swallow a throw here and
    // leave the visitor waiting: a failure becomes the error page instead.
    Future.succeededFuture(model).map(page -> complete(ctx, page))
        .compose(page -> engine.render(page, "templates/" + template + ".hbs"))
        .onSuccess(html -> ctx.response()
            .setStatusCode(status)
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .end(html))
        .onFailure(ctx::fail);
  }

  private static JsonObject complete(RoutingContext ctx, JsonObject model) {
    String language = I18n.language(ctx);
    JsonObject messages = I18n.messages(language);
    model.put("lang", language)
        .put("t", messages)
        .put("path", ctx.normalizedPath())
        .put("csrf", PageSecurity.csrfToken(ctx));
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
