package org.brokersso.funding.control;

import java.math.BigDecimal;
import java.util.Optional;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.funding.entity.MovementKind;

/**
 * The amounts a trader may move, in the trading account's currency: positive and no finer than the
 * currency's digits (cTrader's {@code moneyDigits}); a deposit within {@code funding.deposit.min}
 * and {@code funding.deposit.max}, and needing approved KYC above {@code funding.kyc-threshold}; a
 * withdrawal within {@code funding.withdrawal.min} and {@code funding.withdrawal.max}. Every amount
 * also fits where it is kept: the movement's column ({@link MoneyMovement#LARGEST_AMOUNT}) and
 * cTrader's integer units ({@code amount * 10^moneyDigits} in a {@code long}); beyond that the
 * balance, which only cTrader knows, bounds a withdrawal (NOT_ENOUGH_MONEY).
 */
public record AmountLimits(
    BigDecimal depositMin,
    BigDecimal depositMax,
    BigDecimal kycThreshold,
    BigDecimal withdrawalMin,
    BigDecimal withdrawalMax) {

  private static final BigDecimal LARGEST_UNITS = BigDecimal.valueOf(Long.MAX_VALUE);

  /** Why the amount is refused, if it is. */
  public Optional<FundingReason> refusal(MovementKind kind, BigDecimal amount, int moneyDigits) {
    if (amount == null
        || amount.signum() <= 0
        || amount.stripTrailingZeros().scale() > moneyDigits) {
      return Optional.of(FundingReason.AMOUNT_INVALID);
    }
    if (amount.compareTo(MoneyMovement.LARGEST_AMOUNT) > 0
        || amount.movePointRight(moneyDigits).compareTo(LARGEST_UNITS) > 0) {
      return Optional.of(FundingReason.AMOUNT_TOO_LARGE);
    }
    if (amount.compareTo(min(kind)) < 0) {
      return Optional.of(FundingReason.AMOUNT_TOO_SMALL);
    }
    if (amount.compareTo(max(kind)) > 0) {
      return Optional.of(FundingReason.AMOUNT_TOO_LARGE);
    }
    return Optional.empty();
  }

  /** The smallest amount of this kind of movement. */
  public BigDecimal min(MovementKind kind) {
    return kind == MovementKind.DEPOSIT ? depositMin : withdrawalMin;
  }

  /** The largest amount of this kind of movement (the record's and cTrader's bounds aside). */
  public BigDecimal max(MovementKind kind) {
    return kind == MovementKind.DEPOSIT ? depositMax : withdrawalMax;
  }

  /** Whether this movement needs the user's KYC to be approved. */
  public boolean needsKyc(MovementKind kind, BigDecimal amount) {
    return kind == MovementKind.DEPOSIT && amount.compareTo(kycThreshold) > 0;
  }
}
