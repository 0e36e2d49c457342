package org.brokersso.kyc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.brokersso.kyc.entity.KycApplication;
import org.brokersso.kyc.entity.KycVerdict;

/**
 * SANDBOX: decides at once what the application asks for ({@code SandboxDecision}); an application
 * left PENDING waits for an operator, as it would live. Only {@link KycProviderSelector} hands it
 * out, and only while {@code ctrader.url} is unset.
 */
@ApplicationScoped
@Typed(SandboxKycProvider.class)
public class SandboxKycProvider implements KycProvider {

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public KycVerdict submit(KycApplication application) {
    String reference = "sandbox-kyc-" + application.caseId();
    if (application.sandboxDecision() == null) {
      return KycVerdict.pending(reference);
    }
    return switch (application.sandboxDecision()) {
      case APPROVE -> KycVerdict.approved(reference, "SANDBOX: approved on request");
      case REJECT -> KycVerdict.rejected(reference, "SANDBOX: rejected on request");
      case PENDING -> KycVerdict.pending(reference);
    };
  }

  @Override
  public KycVerdict decisionOn(String reference) {
    return KycVerdict.pending(reference);
  }
}
