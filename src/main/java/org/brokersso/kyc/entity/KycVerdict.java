package org.brokersso.kyc.entity;

/**
 * A provider's answer: its reference for the application and where it stands (PENDING, APPROVED,
 * REJECTED).
 */
public record KycVerdict(String reference, KycStatus status, String reason) {

  public static KycVerdict pending(String reference) {
    return new KycVerdict(reference, KycStatus.PENDING, null);
  }

  public static KycVerdict approved(String reference, String reason) {
    return new KycVerdict(reference, KycStatus.APPROVED, reason);
  }

  public static KycVerdict rejected(String reference, String reason) {
    return new KycVerdict(reference, KycStatus.REJECTED, reason);
  }
}
