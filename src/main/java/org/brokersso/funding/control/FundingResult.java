package org.brokersso.funding.control;

import org.brokersso.funding.entity.MoneyMovement;

/** What a deposit or withdrawal came to, for the screen to show; switch over the three kinds. */
public sealed interface FundingResult {

  /** The money moved: a deposit CREDITED, a withdrawal PAID_OUT. */
  record Moved(MoneyMovement movement) implements FundingResult {}

  /**
   * Recorded and not finished: {@code PENDING}, {@code CTRADER_UNAVAILABLE} (a deposit waiting for
   * its credit), {@code PAYOUT_DECLINED} (the money is being returned) or {@code IN_DOUBT}. A retry
   * ({@code complete}) or an operator finishes it; the screen shows the movement's id as reference.
   */
  record Unfinished(MoneyMovement movement, FundingReason reason) implements FundingResult {}

  /**
   * Nothing moved, and nothing will. {@code movement} is null when the request was refused before
   * anything was recorded (amount, account, KYC, request key, no provider).
   */
  record Refused(FundingReason reason, MoneyMovement movement) implements FundingResult {}

  /** The movement as its state stands. */
  static FundingResult of(MoneyMovement movement) {
    return switch (movement.state()) {
      case CREDITED, PAID_OUT -> new Moved(movement);
      case PAYMENT_DECLINED -> new Refused(FundingReason.PAYMENT_DECLINED, movement);
      case REFUSED_NOT_ENOUGH_MONEY -> new Refused(FundingReason.NOT_ENOUGH_MONEY, movement);
      case NOT_DEBITED -> new Refused(FundingReason.CTRADER_UNAVAILABLE, movement);
      case REVERSED -> new Refused(FundingReason.PAYOUT_DECLINED, movement);
      case REQUESTED, PAYMENT_PENDING, CREDIT_SENT, DEBIT_SENT, DEBITED, PAYOUT_PENDING ->
          new Unfinished(movement, FundingReason.PENDING);
      case PAYMENT_APPROVED -> new Unfinished(movement, FundingReason.CTRADER_UNAVAILABLE);
      case PAYOUT_FAILED, REVERSAL_SENT -> new Unfinished(movement, FundingReason.PAYOUT_DECLINED);
      case CREDIT_IN_DOUBT, DEBIT_IN_DOUBT, REVERSAL_IN_DOUBT ->
          new Unfinished(movement, FundingReason.IN_DOUBT);
    };
  }

  static FundingResult refused(FundingReason reason) {
    return new Refused(reason, null);
  }
}
