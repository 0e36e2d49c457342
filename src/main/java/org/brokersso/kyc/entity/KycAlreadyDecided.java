package org.brokersso.kyc.entity;

import org.brokersso.persistence.Refusal;

/**
 * A decision on a case that was already decided the other way: decisions are final
 * (contract-choices row 26).
 */
public class KycAlreadyDecided extends Refusal {

  public KycAlreadyDecided(long caseId, KycStatus status) {
    super("KYC case " + caseId + " is already " + status);
  }
}
