package org.brokersso.user.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The failures counted against one key of {@link LoginThrottle} (or of the back-off of call 4.1),
 * and when the last one was.
 */
public record RecentFailures(int count, Instant last) {

  public static RecentFailures first(Instant at) {
    return new RecentFailures(1, at);
  }

  public RecentFailures plusOne(Instant at) {
    return new RecentFailures(count + 1, at);
  }

  /** When the next attempt may be made. */
  public Instant nextAttempt(FailureLimit limit) {
    return last.plus(limit.delayAfter(count));
  }

  /**
   * Forgotten once {@code window} has passed after the delay ran out: a key at its cap is not reset
   * by just sitting out the delay.
   */
  public boolean forgottenAt(Instant now, FailureLimit limit, Duration window) {
    return !now.isBefore(nextAttempt(limit).plus(window));
  }
}
