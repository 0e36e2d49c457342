package org.brokersso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.brokersso.ctrader.CtraderBackendContract;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.kyc.entity.KycAlreadyDecided;
import org.brokersso.kyc.entity.KycCase;
import org.brokersso.kyc.entity.KycStatus;
import org.brokersso.kyc.entity.NoSuchKycCase;
import org.brokersso.kyc.entity.SandboxDecision;
import org.brokersso.sandbox.control.SandboxCtraderBackend;
import org.brokersso.user.control.Users;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR as shipped, in sandbox mode, with the tests inside the server, where the sandbox's
 * state lives (the product's database: embedded H2, or MariaDB in CI).
 *
 * <p>One class, one deployment, one Payara start, for what were two classes and two starts. The
 * sections: the sandbox cTrader (was SandboxCtraderBackendIT), which runs the scenario suite it
 * inherits, the one the REST client runs against cTrader's stand-in; and KYC with the sandbox
 * provider (was KycChecksIT). Not {@code @Nested} classes: arquillian-junit5 1.10.2 runs those on
 * the client (arquillian-core issue 773). The tests that fail cTrader on purpose need another
 * deployment, whose backend is the stand-in: {@link InServerStandInIT}.
 */
@ExtendWith(ArquillianExtension.class)
class InServerSandboxIT extends CtraderBackendContract {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(
        InServerSandboxIT.class,
        CtraderBackendContract.class,
        CtraderBackendContract.Onboarded.class);
  }

  @Inject Users users;
  @Inject UserTransaction tx;

  // ---------------------------------------------------------------------------------------------
  // The sandbox cTrader (was SandboxCtraderBackendIT): the scenario suite's tests, inherited, run
  // against the backend the product injects, so they also check that sandbox mode selects it.

  @Inject CtraderBackend backend;
  @Inject SandboxCtraderBackend sandbox;

  @Override
  protected CtraderBackend backend() {
    return backend;
  }

  @Override
  protected List<Ribbon> ribbonsShownTo(long userId) {
    return sandbox.ribbonsOf(userId);
  }

  @Test
  @DisplayName("Sandbox mode: the injected backend is the sandbox")
  void theProductUsesTheSandbox() {
    assertEquals("sandbox", backend.mode());
  }

  @Test
  @DisplayName("Sandbox: balance and credit are kept apart, scaled by moneyDigits")
  void balancesAreKept() {
    long login = onboard().usd().login();
    backend.deposit(login, new BigDecimal("250.75"), "D");
    backend.addCredit(login, new BigDecimal("50"), "C");
    backend.removeCredit(login, new BigDecimal("20.5"), "C2");
    Trader trader = sandbox.tradingAccount(login).orElseThrow();
    assertEquals(new BigDecimal("250.75"), trader.money(trader.balance()));
    assertEquals(new BigDecimal("29.50"), trader.money(trader.nonWithdrawableBonus()));
  }

  // ---------------------------------------------------------------------------------------------
  // KYC (was KycChecksIT), with the sandbox provider deciding on request: the state rules, one
  // pending case per trader, and the audit trail of submissions and decisions.

  @Inject KycChecks kyc;

  @Resource(lookup = "java:app/jdbc/brokerSso")
  DataSource database;

  @Resource ManagedExecutorService executor;

  @Test
  @DisplayName("KYC: a trader who never applied is NOT_STARTED and not approved")
  void notStarted() throws Exception {
    long userId = aNewTrader();
    assertEquals(KycStatus.NOT_STARTED, kyc.statusOf(userId));
    assertTrue(kyc.caseOf(userId).isEmpty());
    assertFalse(kyc.isApproved(userId));
  }

  @Test
  @DisplayName(
      "KYC, sandbox APPROVE: approved at once, audited, and a further submission answers the same case")
  void approvedOnRequest() throws Exception {
    long userId = aNewTrader();
    KycCase kase = kyc.submit(userId, "  poa ", SandboxDecision.APPROVE);

    assertEquals(KycStatus.APPROVED, kase.status());
    assertEquals("poa", kase.kycType());
    assertEquals("sandbox", kase.provider());
    assertEquals("sandbox-kyc-" + kase.id(), kase.providerReference());
    assertTrue(kyc.isApproved(userId));
    assertEquals(kase.id(), kyc.submit(userId, "poa", SandboxDecision.REJECT).id());
    assertEquals(KycStatus.APPROVED, kyc.statusOf(userId));
    assertEquals(1, auditRows(userId, "KYC_SUBMISSION", "sandbox"));
    assertEquals(1, auditRows(userId, "KYC_DECISION", "sandbox"));
  }

  @Test
  @DisplayName(
      "KYC: a pending case is not submitted twice: the second submission answers it unchanged")
  void pendingNotSubmittedTwice() throws Exception {
    long userId = aNewTrader();
    KycCase first = kyc.submit(userId, "id", SandboxDecision.PENDING);
    KycCase second = kyc.submit(userId, "poa", SandboxDecision.APPROVE);

    assertEquals(first.id(), second.id());
    assertEquals(KycStatus.PENDING, second.status());
    assertEquals("id", second.kycType());
    assertEquals(1, auditRows(userId, "KYC_SUBMISSION", "sandbox"));
    assertTrue(kyc.pending().stream().anyMatch(c -> c.id() == first.id()));
    assertEquals(
        KycStatus.PENDING,
        kyc.refresh(userId).orElseThrow().status(),
        "the sandbox leaves pending cases to an operator");
  }

  @Test
  @DisplayName("KYC: four submissions at once open one case")
  void concurrentSubmissionsOpenOneCase() throws Exception {
    long userId = aNewTrader();
    List<Future<KycCase>> submissions = new ArrayList<>();
    Callable<KycCase> submit = () -> kyc.submit(userId, null, SandboxDecision.PENDING);
    for (int i = 0; i < 4; i++) {
      submissions.add(executor.submit(submit));
    }
    long opened = submissions.get(0).get().id();
    for (Future<KycCase> submission : submissions) {
      assertEquals(opened, submission.get().id());
    }
    assertEquals(opened, kyc.caseOf(userId).orElseThrow().id());
  }

  @Test
  @DisplayName("KYC: a rejected trader may apply again, with a new case")
  void rejectedAppliesAgain() throws Exception {
    long userId = aNewTrader();
    KycCase rejected = kyc.submit(userId, null, SandboxDecision.REJECT);
    assertEquals(KycStatus.REJECTED, rejected.status());
    assertEquals(KycStatus.REJECTED, kyc.statusOf(userId));

    KycCase again = kyc.submit(userId, null, SandboxDecision.APPROVE);

    assertNotEquals(rejected.id(), again.id());
    assertTrue(kyc.isApproved(userId));
  }

  @Test
  @DisplayName(
      "KYC: an operator decides a pending case; the same decision again is harmless, the opposite refused")
  void operatorDecides() throws Exception {
    long userId = aNewTrader();
    KycCase pending = kyc.submit(userId, null, SandboxDecision.PENDING);

    KycCase approved = kyc.decide(pending.id(), true, "documents fine");

    assertEquals(KycStatus.APPROVED, approved.status());
    assertEquals("documents fine", approved.reason());
    assertTrue(approved.decidedAt().isPresent());
    assertTrue(kyc.isApproved(userId));
    assertEquals(KycStatus.APPROVED, kyc.decide(pending.id(), true, "again").status());
    assertThrows(KycAlreadyDecided.class, () -> kyc.decide(pending.id(), false, "changed my mind"));
    assertTrue(kyc.isApproved(userId));
    assertEquals(1, auditRows(userId, "KYC_DECISION", "operator"));
    assertFalse(kyc.pending().stream().anyMatch(c -> c.id() == pending.id()));
  }

  @Test
  @DisplayName("KYC: an unknown case or user is refused")
  void unknownCaseOrUser() {
    assertThrows(NoSuchKycCase.class, () -> kyc.decide(Long.MAX_VALUE, true, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> kyc.submit(Long.MAX_VALUE, null, SandboxDecision.APPROVE));
  }

  private long aNewTrader() throws Exception {
    tx.begin();
    long userId = users.register(null, "kyc." + UUID.randomUUID() + "@example.org").id();
    tx.commit();
    return userId;
  }

  private int auditRows(long userId, String action, String actor) throws Exception {
    String sql =
        "SELECT COUNT(*) FROM audit_event WHERE user_id = ? AND action = ? AND actor = ? AND outcome = 'SUCCESS'";
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, userId);
      statement.setString(2, action);
      statement.setString(3, actor);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
