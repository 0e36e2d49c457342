package org.brokersso.kyc.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.brokersso.inapp.boundary.InAppGrant;
import org.brokersso.inapp.boundary.InAppGrants;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.kyc.entity.KycStatus;
import org.brokersso.kyc.entity.SandboxDecision;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.screen.boundary.ScreenResponse;

/**
 * The KYC screen, {@code /inapp/kyc?token=&kycType=} (§5.2, §6.6): the trader's status and, while
 * there is nothing pending or approved, the submission. No call to cTrader.
 */
@Named
@RequestScoped
public class KycScreen {

  @Inject KycChecks kyc;
  @Inject InAppGrants inApp;
  @Inject ScreenParameters screen;
  @Inject ScreenResponse response;
  @Inject Clock clock;

  private String kycType;
  private SandboxDecision decision = SandboxDecision.APPROVE;

  public String getStatus() {
    return userId().map(kyc::statusOf).orElse(KycStatus.NOT_STARTED).name();
  }

  /** A trader applies when nothing is pending or approved (again after a rejection). */
  public boolean isCanSubmit() {
    KycStatus status = userId().map(kyc::statusOf).orElse(KycStatus.NOT_STARTED);
    return status == KycStatus.NOT_STARTED || status == KycStatus.REJECTED;
  }

  public void submit() {
    Optional<Long> userId = userId();
    if (userId.isEmpty()) {
      response.error("refused.session-ended");
      return;
    }
    kyc.submit(userId.get(), kycType, screen.isSandbox() ? decision : null);
    response.next("/inapp/done", Map.of("what", "kyc"));
  }

  private Optional<Long> userId() {
    return inApp.live("/inapp/kyc", clock.instant()).map(InAppGrant::userId);
  }

  public String getKycType() {
    return kycType;
  }

  public void setKycType(String kycType) {
    // a free-text parameter from the app (§5.3): kept as given, within the column's 64 characters
    String given = kycType == null || kycType.isBlank() ? null : kycType.strip();
    this.kycType = given == null || given.length() <= 64 ? given : given.substring(0, 64);
  }

  public SandboxDecision getDecision() {
    return decision;
  }

  public void setDecision(SandboxDecision decision) {
    this.decision = decision;
  }
}
