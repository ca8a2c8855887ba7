package fr.parcours.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

  @Test
  void theDelayDoublesFromThirtySeconds() {
    assertEquals(Duration.ofSeconds(30), RetryPolicy.delayAfter(1));
    assertEquals(Duration.ofSeconds(60), RetryPolicy.delayAfter(2));
    assertEquals(Duration.ofSeconds(480), RetryPolicy.delayAfter(5));
    assertEquals(Duration.ofSeconds(1920), RetryPolicy.delayAfter(7));
  }

  @Test
  void theDelayStopsGrowingAtAnHourAndNeverOverflows() {
    assertEquals(Duration.ofHours(1), RetryPolicy.delayAfter(8));
    assertEquals(Duration.ofHours(1), RetryPolicy.delayAfter(64));
    assertEquals(Duration.ofHours(1), RetryPolicy.delayAfter(Integer.MAX_VALUE));
  }

  @Test
  void operatorsHearOfAMessageFailingBeyondItsFifthAttempt() {
    assertFalse(RetryPolicy.needsOperator(5));
    assertTrue(RetryPolicy.needsOperator(6));
    assertTrue(RetryPolicy.needsOperator(100));
  }
}
