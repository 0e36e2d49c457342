package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.funding.entity.MovementKind;
import org.brokersso.kyc.control.KycChecks;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first step of every deposit and withdrawal. It refuses what the rules forbid before anything
 * is recorded. It answers a repeated request key with the movement that key made, and does nothing
 * again. Otherwise it records the movement (REQUESTED) and hands it on to be run.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class MovementRequests {

  @Inject Onboarding onboarding;
  @Inject MoneyMovements journal;
  @Inject PaymentProviderSelector payments;
  @Inject KycChecks kyc;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "funding.deposit.min")
  BigDecimal depositMin;

  @Inject
  @ConfigProperty(name = "funding.deposit.max")
  BigDecimal depositMax;

  @Inject
  @ConfigProperty(name = "funding.kyc-threshold")
  BigDecimal kycThreshold;

  @Inject
  @ConfigProperty(name = "funding.withdrawal.min")
  BigDecimal withdrawalMin;

  @Inject
  @ConfigProperty(name = "funding.withdrawal.max")
  BigDecimal withdrawalMax;

  FundingResult open(
      MovementKind kind,
      long userId,
      long traderLogin,
      BigDecimal amount,
      String requestKey,
      Function<MoneyMovement, FundingResult> run) {
    if (requestKey == null
        || requestKey.isBlank()
        || requestKey.length() > MoneyMovement.REQUEST_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "A request key of 1 to " + MoneyMovement.REQUEST_KEY_LENGTH + " characters is required");
    }
    Optional<MoneyMovement> earlier = journal.byRequestKey(requestKey);
    if (earlier.isPresent()) {
      return repeated(earlier.get(), kind, userId, traderLogin, amount);
    }
    Optional<TraderAccount> account = linked(userId, traderLogin);
    Optional<FundingReason> refusal = check(kind, userId, account, amount);
    if (refusal.isPresent()) {
      journal.refused(kind, userId, traderLogin, amount, refusal.get());
      return FundingResult.refused(refusal.get());
    }
    String currency = account.get().terms().depositCurrency();
    MoneyMovement created;
    try {
      created =
          journal.request(
              new MoneyMovement(
                  kind, userId, traderLogin, amount, currency, requestKey, clock.instant()));
    } catch (RuntimeException duplicate) {
      // a concurrent request with the same key won the insert (the unique constraint): answer with
      // its movement
      return journal
          .byRequestKey(requestKey)
          .map(m -> repeated(m, kind, userId, traderLogin, amount))
          .orElseThrow(() -> duplicate);
    }
    return run.apply(created);
  }

  /**
   * Why {@link #open} would refuse this movement now, if it would; nothing is recorded. The review
   * step asks it before the trader confirms, and {@code open} asks again when they do.
   */
  public Optional<FundingReason> check(
      MovementKind kind, long userId, long traderLogin, BigDecimal amount) {
    return check(kind, userId, linked(userId, traderLogin), amount);
  }

  private Optional<TraderAccount> linked(long userId, long traderLogin) {
    return onboarding.accountsOf(userId).stream()
        .filter(a -> a.isLinked() && a.traderLogin() == traderLogin)
        .findFirst();
  }

  private Optional<FundingReason> check(
      MovementKind kind, long userId, Optional<TraderAccount> linked, BigDecimal amount) {
    if (linked.isEmpty()) {
      return Optional.of(FundingReason.NOT_YOUR_ACCOUNT);
    }
    if (payments.provider().isEmpty()) {
      return Optional.of(FundingReason.FUNDING_UNAVAILABLE);
    }
    AmountLimits limits = limits();
    TraderAccount account = linked.get();
    int moneyDigits = account.moneyDigits() == null ? 2 : account.moneyDigits();
    return limits
        .refusal(kind, amount, moneyDigits)
        .or(
            () ->
                limits.needsKyc(kind, amount) && !kyc.isApproved(userId)
                    ? Optional.of(FundingReason.KYC_REQUIRED)
                    : Optional.empty());
  }

  private static FundingResult repeated(
      MoneyMovement earlier, MovementKind kind, long userId, long traderLogin, BigDecimal amount) {
    return amount != null && earlier.isSameRequest(userId, kind, traderLogin, amount)
        ? FundingResult.of(earlier)
        : FundingResult.refused(FundingReason.REQUEST_KEY_REUSED);
  }

  /** The configured limits, for the screens to show. */
  public AmountLimits limits() {
    return new AmountLimits(depositMin, depositMax, kycThreshold, withdrawalMin, withdrawalMax);
  }
}
