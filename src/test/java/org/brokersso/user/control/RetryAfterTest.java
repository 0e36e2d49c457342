package org.brokersso.user.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void wholeSecondsStayAndPartsRoundUp() {
    assertEquals(1, RetryAfter.seconds(Duration.ofMillis(1)));
    assertEquals(1, RetryAfter.seconds(Duration.ofSeconds(1)));
    assertEquals(2, RetryAfter.seconds(Duration.ofMillis(1_001)));
    assertEquals(2, RetryAfter.seconds(Duration.ofMillis(1_999)));
    assertEquals(900, RetryAfter.seconds(Duration.ofMinutes(15)));
    assertEquals(1, RetryAfter.seconds(Duration.ZERO), "a wait is never told as none");
  }

  @Test
  void obeyingTheToldWaitExactlyIsEnoughAndOneSecondLessIsNot() {
    ManualClock clock = new ManualClock();
    LoginThrottle throttle =
        new LoginThrottle(
            clock,
            new MemoryThrottleCounters(),
            Duration.ofMinutes(15),
            5,
            20,
            20,
            Duration.ofMinutes(15),
            Duration.ofSeconds(30));
    String trader = "trader@example.com";
    String address = "203.0.113.7";
    for (int i = 0; i < 7; i++) {
      throttle.waitBefore(trader, address).ifPresent(clock::advance);
      throttle.failed(trader, address); // the 7th imposes 2 s
    }
    clock.advance(Duration.ofMillis(300)); // the screen answers a moment later
    long told = RetryAfter.seconds(throttle.waitBefore(trader, address).orElseThrow());
    assertEquals(2, told, "1.7 s left is told as 2 s, not 1 s");

    clock.advance(Duration.ofSeconds(told - 1));
    assertTrue(throttle.waitBefore(trader, address).isPresent(), "one second less is too early");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(throttle.waitBefore(trader, address).isEmpty(), "the told wait is enough");
  }
}
