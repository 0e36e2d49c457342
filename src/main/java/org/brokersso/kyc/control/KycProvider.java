package org.brokersso.kyc.control;

import org.brokersso.kyc.entity.KycApplication;
import org.brokersso.kyc.entity.KycVerdict;

/**
 * Whoever checks a trader's identity for the broker. The one injectable implementation comes from
 * {@link KycProviderSelector}: the sandbox's, which decides on request, or the back office's, which
 * leaves every application to an operator.
 *
 * <p>Guarantees: {@link #submit} may be called again for the same {@code caseId} (a retry after a
 * {@link KycProviderFailure}, or two submissions racing); an implementation treats the caseId as
 * the application's identity and answers the same reference. A failure is always a {@link
 * KycProviderFailure}, after which nothing may be assumed about the application.
 */
public interface KycProvider {

  /** Names the provider in the case's {@code provider} column and the audit trail. */
  String name();

  /**
   * Hands the application over; answers the provider's reference and, if it decided at once, the
   * decision.
   */
  KycVerdict submit(KycApplication application);

  /** Where an application the provider accepted stands now. */
  KycVerdict decisionOn(String reference);
}
