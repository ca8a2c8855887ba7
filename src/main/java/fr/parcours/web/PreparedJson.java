package fr.parcours.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Public JSON answers the same for every reader ({@code /api/fairs/{slug}}, availability),
 * prepared once per change of what they show as pages are: encoded and gzipped off the event
 * loop, then served from memory with ETag/304.
 */
public final class PreparedJson {

  /** A reader's copy is checked again at every use: the ETag makes that a 304. */
  private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("no-cache");
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");

  /** What a route read: the answer, its fair, the kinds of change it follows, until when it holds (null: until a change). */
  public record Loaded(JsonObject body, long fairId, Set<String> follows, Instant expires) {
  }

  private final Vertx vertx;
  private final PreparedCache<Encoded> cache;

  public PreparedJson(Vertx vertx, PreparedCache<Encoded> cache) {
    this.vertx = vertx;
    this.cache = cache;
  }

  /** Answers 200 with what is prepared under {@code key}, reading it with {@code load} on a miss. */
  public void respond(RoutingContext ctx, String key, Supplier<Future<Loaded>> load) {
    cache.get(key, () -> load.get().compose(loaded -> vertx.executeBlocking(() -> Encoded.of(loaded.body().encode()), false)
            .map(body -> new PreparedCache.Entry<>(body, loaded.fairId(), loaded.follows(), loaded.expires(), body.bytes()))))
        .onSuccess(body -> {
          ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON)
              .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
          body.send(ctx.request(), ctx.response());
        })
        .onFailure(ctx::fail);
  }
}
