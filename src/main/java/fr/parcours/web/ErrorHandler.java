package fr.parcours.web;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one place that turns failures into HTTP: domain {@link AppException}s by kind, Vert.x
 * {@link HttpException}s by status, and PostgreSQL constraint violations (a race two
 * validations could not see) into 409/422. Anything else is a bug: logged, 500.
 */
public final class ErrorHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
  private static final List<String> MACHINE_PATHS = List.of("/api/", "/calendar/", "/calendars/", "/health", "/openapi.yaml");

  private final Pages pages;

  public ErrorHandler(Pages pages) {
    this.pages = pages;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof AppException app) {
      send(ctx, status(app.kind()), app.code(), app.getMessage(), app.details());
    } else if (failure instanceof PgException pg && constraintStatus(pg) > 0) {
      send(ctx, constraintStatus(pg), "CONSTRAINT_VIOLATED", constraintMessage(pg), List.of());
    } else if (failure instanceof HttpException http) {
      send(ctx, http.getStatusCode(), codeFor(http.getStatusCode()), messageFor(http), List.of());
    } else if (failure == null) {
      send(ctx, ctx.statusCode(), codeFor(ctx.statusCode()), defaultMessage(ctx.statusCode()), List.of());
    } else {
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      send(ctx, 500, "INTERNAL_ERROR", "Internal server error", List.of());
    }
  }

  /** A browser on a page gets a page; programs (the API, feeds, probes) get the JSON error body. */
  private void send(RoutingContext ctx, int status, String code, String message, List<FieldError> details) {
    if (wantsPage(ctx)) {
      pages.render(ctx, status, status == 404 ? "not-found" : "error", new JsonObject()
          .put("title", String.valueOf(status)).put("message", message)
          .put("errors", Pages.errorList(details)));
    } else {
      sendJson(ctx, status, code, message, details);
    }
  }

  private static boolean wantsPage(RoutingContext ctx) {
    String path;
    try {
      path = ctx.normalizedPath();
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/html") && MACHINE_PATHS.stream().noneMatch(path::startsWith);
  }

  static void sendJson(RoutingContext ctx, int status, String code, String message, List<FieldError> details) {
    JsonArray list = new JsonArray();
    details.forEach(d -> list.add(new JsonObject().put("field", d.field()).put("message", d.message())));
    JsonObject body = new JsonObject().put("error", message).put("code", code).put("details", list);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /**
   * Answers what the HTTP decoder refused before any route saw it (a request line or headers
   * over their limit, a line that is not HTTP) with the JSON error body and the security
   * headers; the server closes the connection after it.
   */
  public static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414
        : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    HttpServerResponse response = request.response();
    PageSecurity.secureHeaders(response.headers());
    JsonObject body = new JsonObject().put("error", defaultMessage(status)).put("code", codeFor(status))
        .put("details", new JsonArray());
    response.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Connection", "close").end(body.encode());
  }

  /** The HTTP status of a kind of failure, for pages that show errors in place. */
  public static int status(AppException.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNPROCESSABLE -> 422;
      case UNAVAILABLE -> 503;
    };
  }

  /** 409 for a unique or foreign-key clash, 422 for a check or data violation; 0 otherwise. */
  private static int constraintStatus(PgException pg) {
    String state = pg.getSqlState();
    if (state == null) {
      return 0;
    }
    if (state.equals("23505") || state.equals("23503") || state.equals("23P01")) {
      return 409;
    }
    if (state.equals("23514") || state.equals("23502") || state.startsWith("22")) {
      return 422;
    }
    return 0;
  }

  private static String constraintMessage(PgException pg) {
    return switch (pg.getSqlState()) {
      case "23505" -> "It already exists";
      case "23503" -> "It is still in use or refers to something that does not exist";
      default -> "The value breaks a rule of the fair model";
    };
  }

  private static String messageFor(HttpException http) {
    String payload = http.getPayload();
    return payload == null || payload.isBlank() ? defaultMessage(http.getStatusCode()) : payload;
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 413 -> "BODY_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 429 -> "TOO_MANY_REQUESTS";
      case 431 -> "HEADERS_TOO_LARGE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Authentication required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request body too large";
      case 414 -> "The URL is too long";
      case 415 -> "Send the body as application/json";
      case 431 -> "The request headers are too large";
      default -> status >= 500 ? "Internal server error" : "Bad request";
    };
  }
}
