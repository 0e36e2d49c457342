package org.brokersso.funding.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.funding.control.AmountInput;
import org.brokersso.funding.control.FundingReason;
import org.brokersso.funding.control.FundingResult;
import org.brokersso.funding.control.MovementRequests;
import org.brokersso.funding.control.SandboxOutcome;
import org.brokersso.funding.entity.MovementKind;
import org.brokersso.inapp.boundary.InAppGrant;
import org.brokersso.inapp.boundary.InAppGrants;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.screen.boundary.ScreenResponse;

/**
 * What the deposit and withdrawal screens share (§6.6): the trader and account from the InApp grant
 * of this very screen (never the client area's sign-in), an amount in its currency as the screen's
 * language writes it ({@link AmountInput}), a review before the confirmation moves anything, and
 * one request key per rendering of the form, kept through the review, so a double click or a
 * re-sent confirmation is the same request and moves money once.
 */
public abstract class MoneyScreen {

  /** Refusals that are about the typed amount, so their message is tied to the amount field. */
  private static final Set<FundingReason> AMOUNT_REASONS =
      EnumSet.of(
          FundingReason.AMOUNT_INVALID,
          FundingReason.AMOUNT_TOO_SMALL,
          FundingReason.AMOUNT_TOO_LARGE,
          FundingReason.NOT_ENOUGH_MONEY);

  @Inject InAppGrants inApp;
  @Inject Onboarding onboarding;
  @Inject MovementRequests requests;
  @Inject ScreenParameters screen;
  @Inject ScreenResponse response;
  @Inject Clock clock;
  @Inject FacesContext faces;

  /** The review step's form id; its post carries it as a parameter. */
  private static final String REVIEW_FORM = "review";

  private Long account;
  private String amount;
  private String requestKey;
  private SandboxOutcome outcome = SandboxOutcome.APPROVE;
  private Boolean reviewing; // null until asked: then whether the review form was posted
  private Optional<TraderAccount>
      tradingAccount; // looked up once per request: balance, currency and limits all need it

  /** The money movement itself; {@code amount} is positive, the trader and account known. */
  abstract FundingResult move(
      long userId, long traderLogin, BigDecimal amount, String requestKey, SandboxOutcome outcome);

  /** Which way this screen moves money. */
  abstract MovementKind kind();

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

  /**
   * The first submit: reads the amount as the screen's language writes it, checks it as the
   * movement will, and shows the review. Nothing moves yet (WCAG 3.3.4).
   */
  public void review() {
    Optional<BigDecimal> read = readAmount("amount");
    if (read.isEmpty()) {
      return;
    }
    Optional<FundingReason> refusal =
        requests.check(kind(), grant().orElseThrow().userId(), account, read.get());
    if (refusal.isPresent()) {
      if (AMOUNT_REASONS.contains(refusal.get())) {
        response.invalid("amount", key(refusal.get()), "");
      } else {
        response.error(key(refusal.get()), "");
      }
      return;
    }
    reviewing = true;
  }

  /** Back from the review to the form, with what was typed. */
  public void back() {
    reviewing = false;
  }

  /**
   * The confirmation, a post of its own: the amount is read and checked again (a forged post is no
   * reviewed one), and the request key makes a double click or a replayed post one movement.
   */
  public void confirm() {
    reviewing = false;
    Optional<BigDecimal> read = readAmount(null);
    if (read.isEmpty()) {
      return;
    }
    FundingResult result =
        move(
            grant().orElseThrow().userId(),
            account,
            read.get(),
            getRequestKey(),
            screen.isSandbox() ? outcome : SandboxOutcome.APPROVE);
    if (result instanceof FundingResult.Moved moved) {
      response.next("/inapp/done", Map.of("what", done(), "ref", moved.movement().reference()));
    } else if (result instanceof FundingResult.Unfinished unfinished) {
      response.error(key(unfinished.reason()), unfinished.movement().reference());
    } else if (result instanceof FundingResult.Refused refused) {
      response.error(
          key(refused.reason()), refused.movement() == null ? "" : refused.movement().reference());
    }
    requestKey = null; // a new attempt after a refusal is a new request
  }

  /**
   * The typed amount, read in the screen's language with the account currency's decimals; or empty,
   * with the message that shows how to write it, tied to {@code field} when the posted form has the
   * amount field (null: the review's confirmation, which has not).
   */
  private Optional<BigDecimal> readAmount(String field) {
    if (grant().isEmpty()) {
      response.error("refused.session-ended");
      return Optional.empty();
    }
    if (tradingAccount().isEmpty()) {
      response.error(key(FundingReason.NOT_YOUR_ACCOUNT), "");
      return Optional.empty();
    }
    int digits = moneyDigits();
    AmountInput input = AmountInput.in(screen.getLocale());
    AmountInput.Reading reading = input.read(amount, digits);
    if (reading instanceof AmountInput.Reading.Unreadable unreadable) {
      List<String> examples = input.examples(digits);
      String key = "money.amount." + kebab(unreadable.problem().name());
      Object[] arguments = {examples.get(0), examples.get(1), examples.get(2), digits};
      if (field != null) { // the form's amount field; the confirmation's form has none
        response.invalid(field, key, arguments);
      } else {
        response.error(key, arguments);
      }
      return Optional.empty();
    }
    return Optional.of(((AmountInput.Reading.Amount) reading).value());
  }

  private int moneyDigits() {
    return tradingAccount().map(TraderAccount::moneyDigits).orElse(2);
  }

  /** Whether the review is shown: after {@link #review}, or while its own form is posted. */
  public boolean isReviewing() {
    if (reviewing == null) {
      reviewing = faces.getExternalContext().getRequestParameterMap().containsKey(REVIEW_FORM);
    }
    return reviewing;
  }

  /** The amount under review, as the screen's language writes it, with its currency. */
  public String getReviewedAmount() {
    AmountInput input = AmountInput.in(screen.getLocale());
    return input.read(amount, moneyDigits()) instanceof AmountInput.Reading.Amount read
        ? input.format(read.value(), moneyDigits()) + " " + getCurrency()
        : "";
  }

  /** What happens once the trader confirms. */
  public String getNextStep() {
    return response.text(done() + ".next", String.valueOf(account));
  }

  /** The text of the sandbox outcome chosen, for the review. */
  public String getOutcomeKey() {
    return "money.sandbox." + kebab(outcome.name());
  }

  private static String kebab(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String key(FundingReason reason) {
    return "money.reason." + kebab(reason.name());
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
    return tradingAccount()
        .filter(a -> a.balance() != null)
        .map(
            a ->
                AmountInput.in(screen.getLocale()).format(a.balance(), moneyDigits())
                    + " "
                    + a.terms().depositCurrency())
        .orElse("");
  }

  public String getCurrency() {
    return tradingAccount().map(a -> a.terms().depositCurrency()).orElse("");
  }

  /**
   * This kind of movement's own limits ({@code funding.deposit.*}, {@code funding.withdrawal.*}).
   */
  public String getLimits() {
    var limits = requests.limits();
    return response.text("money.limits", limits.min(kind()), limits.max(kind()), getCurrency());
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
