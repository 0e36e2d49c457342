package org.brokersso.kyc.entity;

/** Where a trader stands: NOT_STARTED until a first application, then the newest case's status. */
public enum KycStatus {
  NOT_STARTED,
  PENDING,
  APPROVED,
  REJECTED;

  public boolean isDecision() {
    return this == APPROVED || this == REJECTED;
  }
}
