package org.brokersso.sso.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.brokersso.user.control.ManualClock;
import org.brokersso.user.control.MemoryThrottleCounters;
import org.junit.jupiter.api.Test;

class CrmApiBackOffTest {

  private static final String CTRADER = "198.51.100.20";
  private static final String GUESSER = "203.0.113.7";

  private final ManualClock clock = new ManualClock();
  private final MemoryThrottleCounters counters = new MemoryThrottleCounters();
  private final CrmApiBackOff backOff =
      new CrmApiBackOff(
          clock, counters, 5, Duration.ofMinutes(1), Duration.ofMinutes(15)); // the defaults

  /** Fails as a patient guesser would: each attempt once the back-off allows it. */
  private void failWhenAllowed(int times, String address) {
    for (int i = 0; i < times; i++) {
      backOff.waitBefore(address).ifPresent(clock::advance);
      backOff.failed(address);
    }
  }

  @Test
  void fiveFreeFailuresThenTheWaitDoublesUpToOneMinute() {
    failWhenAllowed(5, GUESSER);
    assertEquals(Optional.empty(), backOff.waitBefore(GUESSER));
    failWhenAllowed(1, GUESSER);
    assertEquals(Optional.of(Duration.ofSeconds(1)), backOff.waitBefore(GUESSER));
    failWhenAllowed(1, GUESSER);
    assertEquals(Optional.of(Duration.ofSeconds(2)), backOff.waitBefore(GUESSER));
    failWhenAllowed(10, GUESSER);
    assertEquals(Optional.of(Duration.ofMinutes(1)), backOff.waitBefore(GUESSER));
  }

  @Test
  void aGuesserMakesOnlyItsOwnAddressWait() {
    failWhenAllowed(20, GUESSER);
    assertEquals(Optional.empty(), backOff.waitBefore(CTRADER));
    assertEquals(Optional.empty(), backOff.waitBefore("2001:db8:1:2::1"));
    failWhenAllowed(6, "2001:db8:1:2::1");
    assertTrue(
        backOff.waitBefore("2001:db8:1:2:ffff::9").isPresent(),
        "an IPv6 address counts as its /64");
  }

  @Test
  void theRightPasswordForgivesTheAddress() {
    failWhenAllowed(8, CTRADER); // an old password during a rotation
    backOff.waitBefore(CTRADER).ifPresent(clock::advance);
    backOff.succeeded(CTRADER);
    assertEquals(Optional.empty(), backOff.waitBefore(CTRADER));
    failWhenAllowed(5, CTRADER);
    assertEquals(Optional.empty(), backOff.waitBefore(CTRADER), "five free failures again");
  }

  @Test
  void aCounterIsForgottenFifteenMinutesAfterItsWaitRanOut() {
    failWhenAllowed(12, GUESSER);
    Duration wait = backOff.waitBefore(GUESSER).orElseThrow();
    clock.advance(wait.plus(Duration.ofMinutes(15)).minusMillis(1));
    backOff.failed(GUESSER);
    assertTrue(backOff.waitBefore(GUESSER).isPresent(), "not yet forgotten: the wait grows");
    clock.advance(Duration.ofMinutes(1).plus(Duration.ofMinutes(15)));
    assertEquals(Optional.empty(), backOff.waitBefore(GUESSER));
    failWhenAllowed(5, GUESSER);
    assertEquals(Optional.empty(), backOff.waitBefore(GUESSER), "counting starts afresh");
  }

  @Test
  void badSettingsStopTheStart() {
    assertThrows(
        IllegalStateException.class,
        () ->
            new CrmApiBackOff(clock, counters, -1, Duration.ofMinutes(1), Duration.ofMinutes(15)));
    assertThrows(
        IllegalStateException.class,
        () -> new CrmApiBackOff(clock, counters, 5, Duration.ofMillis(10), Duration.ofMinutes(15)));
    assertThrows(
        IllegalStateException.class,
        () -> new CrmApiBackOff(clock, counters, 5, Duration.ofMinutes(1), Duration.ZERO));
  }
}
