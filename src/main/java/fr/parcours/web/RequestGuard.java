package fr.parcours.web;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.error.Problem;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Refuses, before any route, what no handler should have to think about: a path or parameter
 * that does not decode, and a NUL character anywhere a handler reads text (PostgreSQL's text
 * cannot hold one, and would answer a 22021 that names no field). Each is a 400 naming the path
 * or the parameter.
 */
public final class RequestGuard {

  private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

  private RequestGuard() {
  }

  /** The request line: its path and query. Mounted before the body is read. */
  public static void line(RoutingContext ctx) {
    try {
      ctx.normalizedPath();
      if (escapedNul(ctx.request().path())) {
        throw nul("path");
      }
      if (ctx.request().query() != null) {
        refuseNul(ctx.queryParams());
      }
    } catch (AppException refused) {
      ctx.fail(refused);
      return;
    } catch (IllegalArgumentException malformed) {
      LOG.info("Refused {} {}: {}", ctx.request().method(), abbreviated(ctx.request().uri()), malformed.getMessage());
      // Answered here: the router cannot match any route, failure handlers included, on this path.
      ErrorHandler.sendJson(ctx, 400, ErrorHandler.refusal("BAD_REQUEST", "escape"), I18n.apiLanguage(ctx));
      return;
    }
    ctx.next();
  }

  /** A form's fields, once the body is read. */
  public static void form(RoutingContext ctx) {
    try {
      // Only a form's body has fields, decoded when Vert.x expects one: other requests have no map to build.
      if (ctx.request().isExpectMultipart()) {
        refuseNul(ctx.request().formAttributes());
      }
    } catch (AppException refused) {
      ctx.fail(refused);
      return;
    }
    ctx.next();
  }

  /** Whether {@code path} holds {@code %00}, without a lowercased copy of every request's path. */
  private static boolean escapedNul(String path) {
    for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
      if (path.charAt(i + 1) == '0' && path.charAt(i + 2) == '0') {
        return true;
      }
    }
    return false;
  }

  private static void refuseNul(MultiMap values) {
    for (Map.Entry<String, String> entry : values) {
      if (entry.getValue().indexOf('\0') >= 0 || entry.getKey().indexOf('\0') >= 0) {
        throw nul(entry.getKey().replace('\0', '?'));
      }
    }
  }

  private static AppException nul(String field) {
    return AppException.invalid(List.of(FieldError.of(field, Problem.NUL_CHARACTER, null)));
  }

  private static String abbreviated(String uri) {
    return uri.length() <= 200 ? uri : uri.substring(0, 200) + "…";
  }
}
