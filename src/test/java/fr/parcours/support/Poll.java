package fr.parcours.support;

import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for something that happens soon but not at once (a cache dropped by a database
 * notification…): probes until it holds or a deadline passes, never a blind sleep.
 */
public final class Poll {

  private static final long PAUSE_MS = 20;

  private Poll() {
  }

  /** Reads what is waited for; it may read files or the database, whose failure fails the wait. */
  @FunctionalInterface
  public interface Probe<T> {
    T get() throws Exception;
  }

  /** The first probed value that is {@code done}, or a failure naming the last one after {@code within}. */
  public static <T> T until(Duration within, Probe<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T value = probed(probe);
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

  private static <T> T probed(Probe<T> probe) {
    try {
      return probe.get();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("The probe failed", e);
    }
  }
}
