package org.brokersso.kyc.entity;

import org.brokersso.persistence.Refusal;

/** A case id that names no case. */
public class NoSuchKycCase extends Refusal {

  public NoSuchKycCase(long caseId) {
    super("No KYC case " + caseId);
  }
}
