package org.brokersso.funding.entity;

/**
 * Where a deposit or withdrawal stands. The states ending in {@code _SENT} are held while call 3.5
 * is out; {@code _IN_DOUBT} means its answer was lost, so cTrader may or may not have booked it and
 * only an operator, looking for the {@code externalId} in cTrader's balance history, may decide.
 */
public enum MovementState {
  /** Recorded; a deposit's payment, or a withdrawal's debit, has not been answered yet. */
  REQUESTED(false),
  /** Deposit: the payment provider has not decided yet. */
  PAYMENT_PENDING(false),
  /** Deposit: the money is collected and must be credited (3.5 DEPOSIT), however late. */
  PAYMENT_APPROVED(false),
  /** Deposit: the payment provider declined; nothing moved. */
  PAYMENT_DECLINED(true),
  CREDIT_SENT(false),
  CREDIT_IN_DOUBT(false),
  /** Deposit: booked in cTrader. */
  CREDITED(true),
  DEBIT_SENT(false),
  DEBIT_IN_DOUBT(false),
  /** Withdrawal: cTrader refused the debit for want of money; nothing moved. */
  REFUSED_NOT_ENOUGH_MONEY(true),
  /**
   * Withdrawal: cTrader refused the debit for another reason, or an operator found it not booked;
   * nothing moved.
   */
  NOT_DEBITED(true),
  /** Withdrawal: debited in cTrader; the payout is due. */
  DEBITED(false),
  /** Withdrawal: the payment provider has not decided on the payout yet. */
  PAYOUT_PENDING(false),
  /** Withdrawal: debited and paid out. */
  PAID_OUT(true),
  /** Withdrawal: debited, but the payout was declined; the money must go back (3.5 DEPOSIT). */
  PAYOUT_FAILED(false),
  REVERSAL_SENT(false),
  REVERSAL_IN_DOUBT(false),
  /** Withdrawal: the payout failed and the debit was re-credited; nothing moved in the end. */
  REVERSED(true);

  private final boolean isFinal;

  MovementState(boolean isFinal) {
    this.isFinal = isFinal;
  }

  /** Nothing more will happen to a movement in this state. */
  public boolean isFinal() {
    return isFinal;
  }
}
