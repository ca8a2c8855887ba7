package fr.parcours.web;

import fr.parcours.db.IdempotencyKeys.Outcome;
import fr.parcours.error.AppException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** The HTTP side of a creation guarded by an Idempotency-Key: reading the header, answering 201. */
public final class IdempotentPost {

  private static final int MAX_KEY_LENGTH = 200;

  private IdempotentPost() {
  }

  /** The request's Idempotency-Key, or a 400 naming the header. */
  public static String key(RoutingContext ctx) {
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key == null || key.isBlank()) {
      throw AppException.invalid("Idempotency-Key", "IDEMPOTENCY_KEY_REQUIRED", Map.of());
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw AppException.invalid("Idempotency-Key", "TOO_LONG", Map.of("max", MAX_KEY_LENGTH));
    }
    return key;
  }

  /** A retry gets the first answer again, status included; the header tells it was one. */
  public static void created(RoutingContext ctx, Future<? extends Outcome<?>> outcome) {
    outcome.onSuccess(done -> {
      ctx.response().putHeader("Idempotent-Replayed", String.valueOf(!done.created()));
      Http.json(ctx, 201, done.value());
    }).onFailure(ctx::fail);
  }
}
