package org.brokersso.funding.entity;

/**
 * What the payment provider says of a payment (a collection for a deposit, a payout for a
 * withdrawal).
 */
public enum PaymentOutcome {
  APPROVED,
  DECLINED,
  /** Not decided yet; asked again when the movement is completed. */
  PENDING
}
