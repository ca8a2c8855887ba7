package fr.parcours.calendar;

import fr.parcours.live.Change;
import fr.parcours.live.LiveChanges;
import fr.parcours.metrics.AppMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The instance's rendered feeds, shared by its HTTP verticles: calendar apps poll, so a feed is
 * read and rendered once per change of what it shows, then served from memory. A change made on
 * any instance reaches this one through {@link LiveChanges} and drops the feeds it affects.
 * Bounded: the least recently served feeds go first.
 */
final class FeedCache {

  static final int MAX_FEEDS = 2000;

  private final Vertx vertx;
  private final AppMetrics metrics;
  private final Map<String, Future<RenderedFeed>> feeds = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Future<RenderedFeed>> eldest) {
      return size() > MAX_FEEDS;
    }
  };

  FeedCache(Vertx vertx, AppMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    vertx.eventBus().<JsonObject>consumer(LiveChanges.ADDRESS, message -> forget(Change.of(message.body())));
  }

  /**
   * The feed named {@code key}, loaded and rendered on a miss. Concurrent requests for a missing
   * feed share one rendering. Rendering a big fair takes milliseconds of CPU: off the event loop.
   */
  Future<RenderedFeed> get(String key, Supplier<Future<Feed>> load) {
    // The cached future belongs to the verticle that first asked: answer on the caller's own event loop.
    return Future.fromCompletionStage(cachedOrLoaded(key, load).toCompletionStage(), vertx.getOrCreateContext());
  }

  private synchronized Future<RenderedFeed> cachedOrLoaded(String key, Supplier<Future<Feed>> load) {
    Future<RenderedFeed> cached = feeds.get(key);
    // The kind of feed (fair, track, booking…) labels the metric; the key's rest would grow without bound.
    metrics.feedCache(key.substring(0, key.indexOf('/')), cached != null);
    if (cached != null) {
      return cached;
    }
    Future<RenderedFeed> rendering = load.get().compose(feed -> vertx.executeBlocking(
        () -> RenderedFeed.of(feed, CalendarFeed.render(feed.name(), feed.zone(), feed.events())), false));
    feeds.put(key, rendering);
    rendering.onFailure(error -> forget(key, rendering));
    return rendering;
  }

  /**
   * Drops the feeds {@code change} may alter, and every feed still loading: it may have read
   * the database before the change committed.
   */
  synchronized void forget(Change change) {
    feeds.values().removeIf(feed -> !feed.succeeded() || feed.result().affectedBy(change));
  }

  private synchronized void forget(String key, Future<RenderedFeed> feed) {
    feeds.remove(key, feed);
  }
}
