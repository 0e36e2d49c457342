package org.brokersso.user.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed logins counted against one key of {@link LoginThrottle}, and when the last one was.
 */
record RecentFailures(int count, Instant last) {

  static RecentFailures first(Instant at) {
    return new RecentFailures(1, at);
  }

  RecentFailures plusOne(Instant at) {
    return new RecentFailures(count + 1, at);
  }

  /** When the next attempt may be made. */
  Instant nextAttempt(FailureLimit limit) {
    return last.plus(limit.delayAfter(count));
  }

  /**
   * Forgotten once {@code window} has passed after the delay ran out: a key at its cap is not reset
   * by just sitting out the delay.
   */
  boolean forgottenAt(Instant now, FailureLimit limit, Duration window) {
    return !now.isBefore(nextAttempt(limit).plus(window));
  }
}
