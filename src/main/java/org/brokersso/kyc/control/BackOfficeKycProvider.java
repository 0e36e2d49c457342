package org.brokersso.kyc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.brokersso.kyc.entity.KycApplication;
import org.brokersso.kyc.entity.KycVerdict;

/**
 * Live, until a broker connects a KYC vendor: nothing automatic decides, every application stays
 * PENDING until an operator approves or rejects it ({@code POST /operator/kyc/{caseId}}). Ignores
 * any sandbox decision.
 */
@ApplicationScoped
@Typed(BackOfficeKycProvider.class)
public class BackOfficeKycProvider implements KycProvider {

  @Override
  public String name() {
    return "back-office";
  }

  @Override
  public KycVerdict submit(KycApplication application) {
    return KycVerdict.pending("back-office-" + application.caseId());
  }

  @Override
  public KycVerdict decisionOn(String reference) {
    return KycVerdict.pending(reference);
  }
}
