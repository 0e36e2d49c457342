package org.brokersso.ctrader.entity;

/** {@code type} of call 3.5: money in and out, and credit (non-withdrawable bonus) in and out. */
public enum BalanceChangeType {
  DEPOSIT,
  WITHDRAW,
  DEPOSIT_NONWITHDRAWABLE_BONUS,
  WITHDRAW_NONWITHDRAWABLE_BONUS;

  /** Whether the change takes money away, and so may be refused with NOT_ENOUGH_MONEY. */
  public boolean isOutgoing() {
    return this == WITHDRAW || this == WITHDRAW_NONWITHDRAWABLE_BONUS;
  }

  /** Whether the change moves credit rather than balance. */
  public boolean isCredit() {
    return this == DEPOSIT_NONWITHDRAWABLE_BONUS || this == WITHDRAW_NONWITHDRAWABLE_BONUS;
  }
}
