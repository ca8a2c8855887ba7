package fr.parcours.web;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * How every form answers a refused post: the page again, with the refusal's status and each
 * problem next to its field, in the page's language. A missing thing or a lost session stays a
 * failure, for the error page or the sign-in form.
 */
public final class Refusals {

  private Refusals() {
  }

  /** The page {@code page} makes from the status and the problems, or the failure as it was. */
  public static <T> Future<T> shown(Throwable error, BiFunction<Integer, List<FieldError>, Future<T>> page) {
    return error instanceof AppException refusal && fixable(refusal)
        ? page.apply(ErrorHandler.status(refusal.kind()), Pages.fieldErrors(refusal))
        : Future.failedFuture(error);
  }

  /** The same for a page rendered straight into the response; anything else fails the request. */
  public static void show(RoutingContext ctx, Throwable error, BiConsumer<Integer, List<FieldError>> page) {
    if (error instanceof AppException refusal && fixable(refusal)) {
      page.accept(ErrorHandler.status(refusal.kind()), Pages.fieldErrors(refusal));
    } else {
      ctx.fail(error);
    }
  }

  private static boolean fixable(AppException refusal) {
    return refusal.kind() != AppException.Kind.NOT_FOUND && refusal.kind() != AppException.Kind.UNAUTHENTICATED;
  }
}
