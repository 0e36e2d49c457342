package org.brokersso.kyc.entity;

/**
 * SANDBOX ONLY: what the sandbox KYC provider decides for an application, chosen on the KYC screen
 * so that every outcome can be tried on a laptop. Live providers never see it.
 */
public enum SandboxDecision {
  APPROVE,
  REJECT,
  PENDING
}
