package org.brokersso.funding.control;

/**
 * Whether a user's KYC is approved, which deposits above {@code funding.kyc-threshold} need. Until
 * the KYC capability exists, {@link KycNotYetAvailable} answers no for everyone. The KYC capability
 * plugs in with a bean of its own, {@code @ApplicationScoped @Alternative @Priority(100) class ...
 * implements KycGate}: an enabled alternative replaces that default for the whole application, and
 * nothing here changes.
 */
public interface KycGate {

  boolean isApproved(long userId);
}
