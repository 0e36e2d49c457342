package org.brokersso.kyc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brokersso.kyc.entity.KycApplication;
import org.brokersso.kyc.entity.KycStatus;
import org.brokersso.kyc.entity.SandboxDecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two providers there are: the sandbox decides on request, the back office never by itself. */
class KycProvidersTest {

  @Test
  @DisplayName(
      "the sandbox decides what the application asks for, under a reference made of the case id")
  void sandboxDecidesOnRequest() {
    SandboxKycProvider sandbox = new SandboxKycProvider();
    assertEquals(KycStatus.APPROVED, sandbox.submit(application(SandboxDecision.APPROVE)).status());
    assertEquals(KycStatus.REJECTED, sandbox.submit(application(SandboxDecision.REJECT)).status());
    assertEquals(KycStatus.PENDING, sandbox.submit(application(SandboxDecision.PENDING)).status());
    assertEquals(KycStatus.PENDING, sandbox.submit(application(null)).status());
    assertEquals("sandbox-kyc-9", sandbox.submit(application(SandboxDecision.APPROVE)).reference());
    assertEquals(KycStatus.PENDING, sandbox.decisionOn("sandbox-kyc-9").status());
  }

  @Test
  @DisplayName(
      "live without a vendor: every application waits for an operator, whatever the sandbox decision")
  void backOfficeLeavesItToOperators() {
    BackOfficeKycProvider backOffice = new BackOfficeKycProvider();
    assertEquals(
        KycStatus.PENDING, backOffice.submit(application(SandboxDecision.APPROVE)).status());
    assertEquals("back-office-9", backOffice.submit(application(null)).reference());
    assertEquals(KycStatus.PENDING, backOffice.decisionOn("back-office-9").status());
  }

  private static KycApplication application(SandboxDecision decision) {
    return new KycApplication(9, 42, "poa", decision);
  }
}
