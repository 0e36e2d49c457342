package org.brokersso.funding.control;

/** Why a deposit or withdrawal did not move money (yet): a code each screen translates. */
public enum FundingReason {
  /** Not a positive amount, or more decimals than the account's currency has. */
  AMOUNT_INVALID,
  /** Below {@code funding.deposit.min} or {@code funding.withdrawal.min}. */
  AMOUNT_TOO_SMALL,
  /**
   * Above {@code funding.deposit.max} or {@code funding.withdrawal.max}, or above what the
   * movement's record and cTrader's units can hold.
   */
  AMOUNT_TOO_LARGE,
  /** The trading account is not a linked account of this user. */
  NOT_YOUR_ACCOUNT,
  /** A deposit above {@code funding.kyc-threshold} needs approved KYC. */
  KYC_REQUIRED,
  /** The request key was already used for a different request. */
  REQUEST_KEY_REUSED,
  /** No payment provider is configured ({@code funding.provider=none}). */
  FUNDING_UNAVAILABLE,
  /** The payment provider declined to collect the deposit. */
  PAYMENT_DECLINED,
  /** cTrader refused the withdrawal: the balance (or free margin) does not cover it. */
  NOT_ENOUGH_MONEY,
  /** cTrader could not book it now; a deposit is credited later, a withdrawal was not made. */
  CTRADER_UNAVAILABLE,
  /** The payout was declined; the debited money is, or is being, returned to the account. */
  PAYOUT_DECLINED,
  /** Under way: the payment provider or cTrader has not answered yet. */
  PENDING,
  /** cTrader's answer was lost; support checks the booking before anything is repeated. */
  IN_DOUBT
}
