package org.brokersso.account.control;

import java.time.Duration;

/**
 * cTrader refused a step of the opening for its rate limit (spec §1.5), so nothing was done. The
 * screen does not wait for the limit to pass: it tells the trader that the account is being
 * finished, and the opening is resumed later, in the background ({@link Onboarding#complete} is the
 * entry point), or when the trader presses the button again.
 */
public class OnboardingPostponed extends RuntimeException {

  private final long accountId;
  private final Duration resumeIn;

  public OnboardingPostponed(long accountId, Duration resumeIn, Throwable cause) {
    super(
        "Trading account opening "
            + accountId
            + " postponed by cTrader's rate limit; resumed in "
            + resumeIn,
        cause);
    this.accountId = accountId;
    this.resumeIn = resumeIn;
  }

  /** The opening's reference. */
  public long accountId() {
    return accountId;
  }

  /** When the background resume is due; the trader may press the button again before. */
  public Duration resumeIn() {
    return resumeIn;
  }
}
