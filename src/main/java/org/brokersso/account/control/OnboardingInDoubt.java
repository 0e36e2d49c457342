package org.brokersso.account.control;

/**
 * Call 3.3 was sent and its answer lost, so cTrader may hold a trading account the product does not
 * know the login of. Sending 3.3 again could open a second one, so the saga stops here until an
 * operator has looked in cTrader's back office (the trader's description names the opening).
 */
public class OnboardingInDoubt extends RuntimeException {

  private final long accountId;

  public OnboardingInDoubt(long accountId) {
    super(
        "Trading account opening "
            + accountId
            + " is in doubt: call 3.3 got no answer; check cTrader for an"
            + " account described '"
            + Onboarding.description(accountId)
            + "' before retrying");
    this.accountId = accountId;
  }

  /** The opening's reference, which a screen shows so that support can find it. */
  public long accountId() {
    return accountId;
  }
}
