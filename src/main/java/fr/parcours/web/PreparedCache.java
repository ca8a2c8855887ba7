package fr.parcours.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What the server prepares once per change of what it shows (a page, a JSON answer) and then
 * serves from memory to everyone, shared by the instance's HTTP verticles. Each entry names its
 * fair, the kinds of live change it follows ({@code programme}, {@code availability}…, as the
 * live changes name them) and, when its content depends on the clock, until when it holds. The
 * composition root tells the cache of every change ({@link #forget}). Bounded in bytes: the least
 * recently served entries go first.
 */
public final class PreparedCache<V> {

  /** What follows every kind of change to its fair (for a layer below the one naming the kinds). */
  public static final Set<String> EVERY_CHANGE = Set.of("*");

  /** A prepared value and what it depends on. {@code expires} is null when only changes end it. */
  public record Entry<V>(V value, long fairId, Set<String> follows, Instant expires, long bytes) {

    boolean affectedBy(Long changedFair, String kind) {
      return changedFair == null
          || changedFair == fairId && (follows.contains(kind) || follows.containsAll(EVERY_CHANGE));
    }
  }

  private final Vertx vertx;
  private final long maxBytes;
  private final Map<String, Future<Entry<V>>> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public PreparedCache(Vertx vertx, long maxBytes) {
    this.vertx = vertx;
    this.maxBytes = maxBytes;
  }

  /** The value prepared under {@code key} if it is ready and current, else null: a hit takes no future. */
  private synchronized V ready(String key, Instant now) {
    Future<Entry<V>> cached = entries.get(key);
    if (cached == null || !cached.succeeded()) {
      return null;
    }
    Entry<V> entry = cached.result();
    if (entry.expires() != null && !now.isBefore(entry.expires())) {
      remove(key, cached);
      return null;
    }
    return entry.value();
  }

  /**
   * The value under {@code key}, prepared by {@code load} on a miss; concurrent requests for a
   * missing key share one preparation, which should run off the event loop. A failure is not kept.
   */
  public Future<V> get(String key, Supplier<Future<Entry<V>>> load) {
    V hit = ready(key, Instant.now());
    if (hit != null) {
      hits.increment();
      return Future.succeededFuture(hit);
    }
    misses.increment();
    // The shared future belongs to the verticle that first asked: answer on the caller's own event loop.
    return Future.fromCompletionStage(cachedOrLoaded(key, load).map(Entry::value).toCompletionStage(),
        vertx.getOrCreateContext());
  }

  /** Requests answered from a ready entry, for {@code /metrics}. */
  public long hits() {
    return hits.sum();
  }

  /** Requests that had to wait for a preparation (their own or one under way). */
  public long misses() {
    return misses.sum();
  }

  private synchronized Future<Entry<V>> cachedOrLoaded(String key, Supplier<Future<Entry<V>>> load) {
    Future<Entry<V>> cached = entries.get(key);
    if (cached != null && !(cached.succeeded() && expired(cached.result()))) {
      return cached;
    }
    Future<Entry<V>> loading = load.get();
    entries.put(key, loading);
    loading.onComplete(done -> settled(key, loading));
    return loading;
  }

  private static boolean expired(Entry<?> entry) {
    return entry.expires() != null && !Instant.now().isBefore(entry.expires());
  }

  private synchronized void settled(String key, Future<Entry<V>> loading) {
    if (entries.get(key) != loading) {
      return; // forgotten while it loaded
    }
    if (loading.failed()) {
      entries.remove(key);
      return;
    }
    bytes += loading.result().bytes();
    Iterator<Map.Entry<String, Future<Entry<V>>>> eldest = entries.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Future<Entry<V>> old = eldest.next().getValue();
      if (old != loading && old.succeeded()) {
        bytes -= old.result().bytes();
        eldest.remove();
      }
    }
  }

  /**
   * Drops what a change of {@code kind} to fair {@code fairId} may alter (every entry when
   * {@code fairId} is null: a resync), and every entry still loading: it may have read the
   * database before the change committed.
   */
  public synchronized void forget(Long fairId, String kind) {
    Iterator<Future<Entry<V>>> all = entries.values().iterator();
    while (all.hasNext()) {
      Future<Entry<V>> entry = all.next();
      if (!entry.succeeded() || entry.result().affectedBy(fairId, kind)) {
        if (entry.succeeded()) {
          bytes -= entry.result().bytes();
        }
        all.remove();
      }
    }
  }

  private void remove(String key, Future<Entry<V>> cached) {
    entries.remove(key);
    bytes -= cached.result().bytes();
  }
}
