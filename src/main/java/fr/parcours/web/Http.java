package fr.parcours.web;

import fr.parcours.error.AppException;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers that keep route handlers to a line or two: read the body, answer JSON. */
public final class Http {

  private Http() {
  }

  /** The request body as a JSON object, or a 400 saying why it is not one. */
  public static JsonInput body(RoutingContext ctx) {
    return JsonInput.of(bodyObject(ctx));
  }

  public static JsonObject bodyObject(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw AppException.invalid("body", "a JSON object is required");
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException e) {
      throw AppException.invalid("body", "is not valid JSON");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw AppException.invalid("body", "must be a JSON object");
    }
    return object;
  }

  /** A numeric id from the path, or a 404 (an id that is not a number names nothing). */
  public static long idParam(RoutingContext ctx, String name, String what) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw AppException.notFound(what);
    }
  }

  public static void json(RoutingContext ctx, int status, Object body) {
    String encoded = body instanceof JsonObject object ? object.encode()
        : body instanceof JsonArray array ? array.encode()
        : io.vertx.core.json.Json.encode(body);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(encoded);
  }

  /** After a form is posted: 303 sends the browser to {@code location} with a GET, so reloading never re-posts. */
  public static void seeOther(RoutingContext ctx, String location) {
    if (!Redirects.isLocalPath(location)) {
      // A header with a line break would throw where no one answers the request.
      ctx.fail(new IllegalArgumentException("Not a path of this site: " + location.replaceAll("\\p{Cntrl}", "?")));
      return;
    }
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /** Answers {@code status} with the future's JSON value, or routes its failure to the error handler. */
  public static void respond(RoutingContext ctx, int status, Future<?> result) {
    result.onSuccess(body -> json(ctx, status, body)).onFailure(ctx::fail);
  }

  /** Answers the future's text as a file to save (a CSV export), or routes its failure to the error handler. */
  public static void attachment(RoutingContext ctx, String fileName, String contentType, Future<String> body) {
    body.onSuccess(text -> ctx.response()
            .putHeader("Content-Type", contentType)
            .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
            .end(text))
        .onFailure(ctx::fail);
  }

  public static void respondNoContent(RoutingContext ctx, Future<?> result) {
    result.onSuccess(done -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
