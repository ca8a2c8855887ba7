package fr.parcours.mail;

import java.time.Duration;

/**
 * When a message that failed is tried again. It is never abandoned (an SMTP outage overnight
 * must not lose confirmations): the delay doubles from 30 s and stops growing at an hour.
 */
final class RetryPolicy {

  static final Duration FIRST_DELAY = Duration.ofSeconds(30);
  static final Duration MAX_DELAY = Duration.ofHours(1);
  // 30 s doubled 7 times already passes the hour; bounding the exponent keeps the shift in range.
  private static final int MAX_DOUBLINGS = 7;
  // Five failures span about a quarter of an hour: past that, the outage is no blip.
  private static final int TOLERATED_FAILURES = 5;

  private RetryPolicy() {
  }

  /** The wait before the next attempt, after {@code failures} attempts (at least one) failed. */
  static Duration delayAfter(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), MAX_DOUBLINGS);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) < 0 ? delay : MAX_DELAY;
  }

  /** Whether a message failing this often must reach an operator (logged at ERROR). */
  static boolean needsOperator(int failures) {
    return failures > TOLERATED_FAILURES;
  }
}
