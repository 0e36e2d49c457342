package org.brokersso.kyc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.brokersso.setup.control.RunMode;

/**
 * The one source of the injectable {@link KycProvider}: the sandbox's in sandbox mode, the back
 * office's (operator decides) live. Both implementations restrict their bean types, so nothing else
 * can be injected by mistake.
 */
@ApplicationScoped
public class KycProviderSelector {

  private static final Logger LOG = Logger.getLogger(KycProviderSelector.class.getName());

  @Inject RunMode mode;
  @Inject Instance<SandboxKycProvider> sandbox;
  @Inject Instance<BackOfficeKycProvider> backOffice;

  @Produces
  @ApplicationScoped
  KycProvider provider() {
    if (mode.isSandbox()) {
      LOG.warning(
          "SANDBOX MODE: KYC applications are decided on request by the sandbox KYC provider.");
      return sandbox.get();
    }
    LOG.info("KYC provider: back office (every application waits for an operator's decision)");
    return backOffice.get();
  }
}
