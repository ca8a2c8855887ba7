package fr.parcours.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups work by key, like a database's group commit: the first item of a key runs at once;
 * items of that key arriving meanwhile queue, in arrival order, and run next as one group. The
 * runner writes a whole group (one transaction) and answers each item's outcome, in order,
 * only once the group is committed. Safe to call from any event loop.
 *
 * <p>The next group starts when the running one ends, not as soon as it holds its locks: the
 * items that arrive during a whole transaction make one group. Starting early (tried on
 * 2 December) gave groups of 4.5 bookings on average in a rush of 50 teachers over four tracks,
 * a third of them alone, and 15–25 % fewer bookings a second than this once the server is warm.
 *
 * @param <K> what groups the items (a fair)
 * @param <T> an item of work
 * @param <R> an item's result
 */
public final class Batcher<K, T, R> {

  private record Waiting<T, R>(T item, Promise<R> promise) {
  }

  private final int maxGroup;
  private final Function<List<T>, Future<List<Future<R>>>> runner;
  private final Map<K, Queue<Waiting<T, R>>> queues = new HashMap<>();
  private final Set<K> running = new HashSet<>();

  public Batcher(int maxGroup, Function<List<T>, Future<List<Future<R>>>> runner) {
    this.maxGroup = maxGroup;
    this.runner = runner;
  }

  public Future<R> submit(K key, T item) {
    Promise<R> promise = Promise.promise();
    boolean start;
    synchronized (this) {
      queues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new Waiting<>(item, promise));
      start = running.add(key);
    }
    if (start) {
      runNext(key);
    }
    return promise.future();
  }

  private void runNext(K key) {
    List<Waiting<T, R>> group = new ArrayList<>();
    synchronized (this) {
      Queue<Waiting<T, R>> queue = queues.get(key);
      while (!queue.isEmpty() && group.size() < maxGroup) {
        group.add(queue.poll());
      }
      if (group.isEmpty()) {
        running.remove(key);
        queues.remove(key);
        return;
      }
    }
    Future<List<Future<R>>> outcomes;
    try {
      outcomes = runner.apply(group.stream().map(Waiting::item).toList());
    } catch (RuntimeException e) {
      outcomes = Future.failedFuture(e);
    }
    outcomes.onComplete(done -> {
      for (int i = 0; i < group.size(); i++) {
        Promise<R> promise = group.get(i).promise();
        if (done.failed()) {
          promise.fail(done.cause());
        } else {
          done.result().get(i).onComplete(promise);
        }
      }
      runNext(key);
    });
  }
}
