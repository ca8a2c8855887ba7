package fr.parcours.admin;

import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.web.ErrorHandler;
import fr.parcours.web.Pages;
import io.vertx.core.Future;

import java.util.List;
import java.util.function.BiFunction;

/**
 * How the organiser's forms answer a refused post: the page again, with the refusal's status and
 * each problem next to its field. A missing fair or a lost session stays a failure, for the
 * error page or the sign-in form.
 */
final class Refusals {

  private Refusals() {
  }

  static <T> Future<T> shown(Throwable error, BiFunction<Integer, List<FieldError>, Future<T>> page) {
    if (error instanceof AppException refusal && refusal.kind() != AppException.Kind.NOT_FOUND
        && refusal.kind() != AppException.Kind.UNAUTHENTICATED) {
      return page.apply(ErrorHandler.status(refusal.kind()), Pages.fieldErrors(refusal));
    }
    return Future.failedFuture(error);
  }
}
