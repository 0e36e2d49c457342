package org.brokersso.account.control;

/**
 * cTrader refused a step of the opening for its rate limit (spec §1.5), so nothing was done. The
 * screen does not wait for the limit to pass: it tells the trader that the account is being
 * finished, and the opening is resumed later, in the background ({@link Onboarding#complete} is the
 * entry point), or when the trader presses the button again.
 */
public class OnboardingPostponed extends RuntimeException {

  private final long accountId;

  public OnboardingPostponed(long accountId, Throwable cause) {
    super(
        "Trading account opening "
            + accountId
            + " postponed by cTrader's rate limit; resumed later",
        cause);
    this.accountId = accountId;
  }

  /** The opening's reference. */
  public long accountId() {
    return accountId;
  }
}
