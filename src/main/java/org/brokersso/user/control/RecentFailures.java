package org.brokersso.user.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The failures counted against one key of {@link LoginThrottle} (or of the back-off of call 4.1, or
 * the mails of {@link SignupMailLimit}): how many, when the first and the last one were.
 */
public record RecentFailures(int count, Instant first, Instant last) {

  public static RecentFailures first(Instant at) {
    return new RecentFailures(1, at, at);
  }

  public RecentFailures plusOne(Instant at) {
    return new RecentFailures(count + 1, first, at);
  }

  /** When the next attempt may be made. */
  public Instant nextAttempt(FailureLimit limit) {
    return last.plus(limit.delayAfter(count));
  }

  /**
   * Whether these failures impose a wait at all. Asked before {@link #nextAttempt}: a free failure
   * stamped by another instance whose clock runs a little ahead would otherwise look like a wait.
   */
  public boolean imposeAWait(FailureLimit limit) {
    return !limit.delayAfter(count).isZero();
  }

  /**
   * Forgotten once {@code window} has passed after the delay ran out: a key at its cap is not reset
   * by just sitting out the delay.
   */
  public boolean forgottenAt(Instant now, FailureLimit limit, Duration window) {
    return !now.isBefore(forgetAt(limit, window));
  }

  /** When this counter no longer matters: {@code window} after its delay ran out. */
  public Instant forgetAt(FailureLimit limit, Duration window) {
    return nextAttempt(limit).plus(window);
  }
}
