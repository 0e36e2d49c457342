package org.brokersso.funding.entity;

/** Which way the money goes: into the trading account or out of it. */
public enum MovementKind {
  /** The payment provider collects from the trader, then 3.5 DEPOSIT credits the account. */
  DEPOSIT("dep-"),
  /** 3.5 WITHDRAW debits the account first (spec §9), then the payment provider pays out. */
  WITHDRAWAL("wdr-");

  private final String referencePrefix;

  MovementKind(String referencePrefix) {
    this.referencePrefix = referencePrefix;
  }

  /**
   * The movement's stable reference: 3.5's {@code externalId} and the payment provider's
   * idempotency key.
   */
  public String reference(long movementId) {
    return referencePrefix + movementId;
  }
}
