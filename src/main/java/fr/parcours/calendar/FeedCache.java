package fr.parcours.calendar;

import fr.parcours.live.Change;
import fr.parcours.live.LiveChanges;
import fr.parcours.metrics.AppMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.function.Supplier;

/**
 * The instance's rendered feeds, shared by its HTTP verticles: calendar apps poll, so a feed is
 * read and rendered once per change of what it shows, then served from memory. A change made on
 * any instance reaches this one through {@link LiveChanges} and drops the feeds it affects.
 * Bounded: the least recently served feeds go first.
 */
final class FeedCache {

  static final int MAX_FEEDS = 2000;

  /** The kinds of feed, each counted apart in {@code /metrics} (the rest of a key would grow without bound). */
  enum Kind {
    FAIR, TRACK, ROOM, ASSOCIATION, SELECTION, BOOKING;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

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
    metrics.feedCaches(Stream.of(Kind.values()).map(Kind::label).toList());
    vertx.eventBus().<JsonObject>consumer(LiveChanges.ADDRESS, message -> forget(Change.of(message.body())));
  }

  /**
   * The feed of {@code kind} named {@code name}, loaded and rendered on a miss. Concurrent requests for a missing
   * feed share one rendering. Rendering a big fair takes milliseconds of CPU: off the event loop.
   */
  Future<RenderedFeed> get(Kind kind, String name, Supplier<Future<Feed>> load) {
    Future<RenderedFeed> feed = cachedOrLoaded(kind, kind.label() + "/" + name, load);
    if (feed.succeeded()) {
      // A hit answers at once on the caller's loop, with no task queued for a later turn.
      return Future.succeededFuture(feed.result());
    }
    // The cached future belongs to the verticle that first asked: answer on the caller's own event loop.
    return Future.fromCompletionStage(feed.toCompletionStage(), vertx.getOrCreateContext());
  }

  private synchronized Future<RenderedFeed> cachedOrLoaded(Kind kind, String key, Supplier<Future<Feed>> load) {
    Future<RenderedFeed> cached = feeds.get(key);
    metrics.feedCache(kind.label(), cached != null);
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
