package org.brokersso.kyc.control;

/**
 * The KYC provider could not be reached or did not answer; the case stays pending and is sent
 * again.
 */
public class KycProviderFailure extends RuntimeException {

  public KycProviderFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
