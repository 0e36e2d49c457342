package org.brokersso.funding.entity;

import java.util.Optional;

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

  /** The movement id in one of this kind's references, as {@link #reference} wrote it. */
  public Optional<Long> idOf(String reference) {
    if (reference == null || !reference.startsWith(referencePrefix)) {
      return Optional.empty();
    }
    String id = reference.substring(referencePrefix.length());
    return id.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
  }
}
