package fr.parcours.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for something that happens soon but not at once (a cache dropped by a database
 * notification…): probes until it holds or a deadline passes, never a blind sleep.
 */
public final class Poll {

  private static final long PAUSE_MS = 20;

  private Poll() {
  }

  /** The first probed value that is {@code done}, or a failure naming the last one after {@code within}. */
  public static <T> T until(Duration within, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        return fail("Still not so after " + within.toMillis() + " ms: " + value);
      }
      try {
        Thread.sleep(PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail("Interrupted while waiting");
      }
    }
  }
}
