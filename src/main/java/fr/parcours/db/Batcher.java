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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Groups work by key, like a database's group commit: the first item of a key runs at once;
 * items of that key arriving meanwhile queue, in arrival order, and run next as one group. The
 * runner writes a whole group (one transaction) and answers each item's outcome, in order,
 * only once the group is committed. Safe to call from any event loop.
 *
 * <p>The runner is handed a {@code next} signal: once its group holds what serialises the key
 * (its transaction's locks), it may call it to start the next group at once. That group then
 * waits in the database for those locks instead of here, so its round trips to read the fair
 * and send its own reads overlap the running group's writes and COMMIT. Without the signal, the
 * next group starts when the running one ends.
 *
 * @param <K> what groups the items (a track)
 * @param <T> an item of work
 * @param <R> an item's result
 */
public final class Batcher<K, T, R> {

  private record Waiting<T, R>(T item, Promise<R> promise) {
  }

  private final int maxGroup;
  private final BiFunction<List<T>, Runnable, Future<List<Future<R>>>> runner;
  private final Map<K, Queue<Waiting<T, R>>> queues = new HashMap<>();
  private final Set<K> running = new HashSet<>();

  public Batcher(int maxGroup, BiFunction<List<T>, Runnable, Future<List<Future<R>>>> runner) {
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
    AtomicBoolean released = new AtomicBoolean();
    Runnable next = () -> {
      if (released.compareAndSet(false, true)) {
        runNext(key);
      }
    };
    Future<List<Future<R>>> outcomes;
    try {
      outcomes = runner.apply(group.stream().map(Waiting::item).toList(), next);
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
      next.run();
    });
  }
}
