package org.brokersso.user.control;

import java.time.Duration;

/**
 * How {@link LoginThrottle} (and the back-off of call 4.1) answers failures on one kind of key: the
 * first {@code free} failures cost nothing, each one after that imposes a delay doubling from one
 * second, up to {@code maxDelay}.
 */
public record FailureLimit(int free, Duration maxDelay) {

  public static final Duration FIRST_DELAY = Duration.ofSeconds(1);

  /** The delay imposed after the given number of recent failures. */
  public Duration delayAfter(int failures) {
    int beyond = failures - free;
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    Duration doubled =
        FIRST_DELAY.multipliedBy(1L << Math.min(beyond - 1, 40)); // shift bounded: no overflow
    return doubled.compareTo(maxDelay) < 0 ? doubled : maxDelay;
  }
}
