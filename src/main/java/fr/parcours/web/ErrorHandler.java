package fr.parcours.web;

import fr.parcours.error.AppException;
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
import java.util.Map;

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
      send(ctx, status(app.kind()), app);
    } else if (failure instanceof PgException pg && constraintStatus(pg) > 0) {
      send(ctx, constraintStatus(pg), refusal("CONSTRAINT_VIOLATED", constraintReason(pg)));
    } else if (failure instanceof HttpException http) {
      send(ctx, http.getStatusCode(), refusal(http));
    } else if (failure == null) {
      send(ctx, ctx.statusCode(), refusal(codeFor(ctx.statusCode()), null));
    } else {
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      send(ctx, 500, refusal("INTERNAL_ERROR", null));
    }
  }

  /** A browser on a page gets a page; programs (the API, feeds, probes) get the JSON error body. */
  private void send(RoutingContext ctx, int status, AppException refusal) {
    if (wantsPage(ctx)) {
      pages.render(ctx, status, status == 404 ? "not-found" : "error", new JsonObject()
          .put("title", String.valueOf(status)).put("message", refusal.text(I18n.language(ctx)))
          .put("errors", Pages.errorList(refusal.details())));
    } else {
      sendJson(ctx, status, refusal, I18n.apiLanguage(ctx));
    }
  }

  /** A failure that is not a refusal of ours, said by its code (and reason). */
  static AppException refusal(String code, String reason) {
    return new AppException(AppException.Kind.INVALID, code, reason == null ? Map.of() : Map.of("reason", reason), List.of());
  }

  /** Vert.x's own refusals: a payload is the text the throwing code chose; else the status's text. */
  @SuppressWarnings("deprecation")
  private static AppException refusal(HttpException http) {
    String payload = http.getPayload();
    return payload == null || payload.isBlank() ? refusal(codeFor(http.getStatusCode()), null)
        : new AppException(AppException.Kind.INVALID, codeFor(http.getStatusCode()), payload, List.of());
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

  /**
   * The JSON error: the stable code and its parameters for programs, the text in the language
   * the request asked for (as {@code error} and {@code message}), each field's code, parameters,
   * label and text.
   */
  static void sendJson(RoutingContext ctx, int status, AppException refusal, String language) {
    JsonArray list = new JsonArray();
    refusal.details().forEach(d -> list.add(new JsonObject().put("field", d.field()).put("code", d.code())
        .put("params", Params.json(d.params())).put("label", d.label(language)).put("message", d.text(language))));
    String text = refusal.text(language);
    JsonObject body = new JsonObject().put("error", text).put("message", text).put("code", refusal.code())
        .put("params", Params.json(refusal.params())).put("details", list);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /**
   * Answers what the HTTP decoder refused before any route saw it (a request line or headers
   * over their limit, a line that is not HTTP) with the JSON error body and the security
   * headers, in English (the headers it would be asked in are what failed); the server closes
   * the connection after it.
   */
  public static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414
        : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    AppException refusal = refusal(codeFor(status), null);
    HttpServerResponse response = request.response();
    PageSecurity.secureHeaders(response.headers());
    JsonObject body = new JsonObject().put("error", refusal.text("en")).put("message", refusal.text("en"))
        .put("code", refusal.code()).put("params", new JsonObject()).put("details", new JsonArray());
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

  private static String constraintReason(PgException pg) {
    return switch (pg.getSqlState()) {
      case "23505" -> "unique";
      case "23503" -> "reference";
      default -> "rule";
    };
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
}
