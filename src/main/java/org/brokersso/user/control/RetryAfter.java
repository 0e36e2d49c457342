package org.brokersso.user.control;

import java.time.Duration;

/**
 * A wait told to a client in whole seconds ("try again in N seconds", HTTP {@code Retry-After}):
 * rounded up, so that a client obeying the number to the second is let in. Rounding down would send
 * it back up to a second early, into a refusal.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** At least one second: a wait of no time is not told. */
  public static long seconds(Duration wait) {
    long whole = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, whole);
  }
}
