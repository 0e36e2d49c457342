package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@link KycGate} while the product has no KYC: nobody is approved, so deposits above
 * {@code funding.kyc-threshold} are refused with KYC_REQUIRED rather than let through unchecked.
 * Replaced by the KYC capability's alternative (see {@link KycGate}).
 */
@ApplicationScoped
public class KycNotYetAvailable implements KycGate {

  @Override
  public boolean isApproved(long userId) {
    return false;
  }
}
