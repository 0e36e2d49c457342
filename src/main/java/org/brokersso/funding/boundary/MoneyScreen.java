package org.brokersso.funding.boundary;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.funding.control.FundingReason;
import org.brokersso.funding.control.FundingResult;
import org.brokersso.funding.control.MovementRequests;
import org.brokersso.funding.control.SandboxOutcome;
import org.brokersso.inapp.boundary.InAppGrant;
import org.brokersso.inapp.boundary.InAppGrants;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.screen.boundary.ScreenResponse;

/**
 * What the deposit and withdrawal screens share (§6.6): the trader and account from the InApp grant
 * of this very screen (never the client area's sign-in), an amount in its currency, and one request
 * key per rendering of the form, so a double click or a re-sent post is the same request and moves
 * money once.
 */
public abstract class MoneyScreen {

  @Inject InAppGrants inApp;
  @Inject Onboarding onboarding;
  @Inject MovementRequests requests;
  @Inject ScreenParameters screen;
  @Inject ScreenResponse response;
  @Inject Clock clock;

  private Long account;
  private String amount;
  private String requestKey;
  private SandboxOutcome outcome = SandboxOutcome.APPROVE;
  private Optional<TraderAccount>
      tradingAccount; // looked up once per request: balance, currency and limits all need it

  /** The money movement itself; {@code amount} is positive, the trader and account known. */
  abstract FundingResult move(
      long userId, long traderLogin, BigDecimal amount, String requestKey, SandboxOutcome outcome);

  /** What the InApp success page confirms ({@code ?what=}). */
  abstract String done();

  /** The screen's own path, whose InApp grant it acts under. */
  abstract String screenPath();

  /** The grant of this screen, for the account it was opened for, while it lasts. */
  private Optional<InAppGrant> grant() {
    return inApp
        .live(screenPath(), clock.instant())
        .filter(grant -> account != null && grant.account().equals(Optional.of(account)));
  }

  public void submit() {
    Optional<Long> userId = grant().map(InAppGrant::userId);
    if (userId.isEmpty()) {
      response.error("refused.session-ended");
      return;
    }
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(amount == null ? "" : amount.trim().replace(',', '.'));
    } catch (NumberFormatException notANumber) {
      response.invalid("amount", key(FundingReason.AMOUNT_INVALID));
      return;
    }
    FundingResult result =
        move(
            userId.get(),
            account,
            parsed,
            getRequestKey(),
            screen.isSandbox() ? outcome : SandboxOutcome.APPROVE);
    if (result instanceof FundingResult.Moved) {
      response.next("/inapp/done", Map.of("what", done()));
    } else if (result instanceof FundingResult.Unfinished unfinished) {
      response.error(key(unfinished.reason()), unfinished.movement().reference());
    } else if (result instanceof FundingResult.Refused refused) {
      response.error(
          key(refused.reason()), refused.movement() == null ? "" : refused.movement().reference());
    }
    requestKey = null; // a new attempt after a refusal is a new request
  }

  private static String key(FundingReason reason) {
    return "money.reason." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private Optional<TraderAccount> tradingAccount() {
    if (tradingAccount == null) {
      tradingAccount =
          grant()
              .map(InAppGrant::userId)
              .flatMap(
                  userId ->
                      onboarding.accountsOf(userId).stream()
                          .filter(a -> a.isLinked() && a.traderLogin().equals(account))
                          .findFirst());
    }
    return tradingAccount;
  }

  public String getBalance() {
    return tradingAccount().map(a -> a.balance() + " " + a.terms().depositCurrency()).orElse("");
  }

  public String getCurrency() {
    return tradingAccount().map(a -> a.terms().depositCurrency()).orElse("");
  }

  public String getLimits() {
    var limits = requests.limits();
    return response.text("money.limits", limits.depositMin(), limits.depositMax(), getCurrency());
  }

  public Long getAccount() {
    return account;
  }

  public void setAccount(Long account) {
    this.account = account;
    this.tradingAccount = null;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getRequestKey() {
    if (requestKey == null) {
      requestKey = UUID.randomUUID().toString();
    }
    return requestKey;
  }

  public void setRequestKey(String requestKey) {
    this.requestKey = requestKey;
  }

  public SandboxOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(SandboxOutcome outcome) {
    this.outcome = outcome;
  }
}
