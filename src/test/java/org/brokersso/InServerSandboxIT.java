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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.brokersso.ctrader.CtraderBackendContract;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.jobs.boundary.JobSchedule;
import org.brokersso.jobs.control.JobLeases;
import org.brokersso.jobs.control.Purge;
import org.brokersso.jobs.entity.Job;
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
 * inherits, the one the REST client runs against cTrader's stand-in; KYC with the sandbox provider
 * (was KycChecksIT); and the scheduled jobs' purge and lease (issue 13). Not {@code @Nested}
 * classes: arquillian-junit5 1.10.2 runs those on the client (arquillian-core issue 773). The tests
 * that fail cTrader on purpose need another deployment, whose backend is the stand-in: {@link
 * InServerStandInIT}.
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

  // ---------------------------------------------------------------------------------------------
  // Jobs (issue 13): the purge keeps what is inside its retention and deletes what is past it, and
  // a job's lease goes to one contender only, against the real database (H2, or MariaDB in CI).

  @Inject Purge purge;
  @Inject JobLeases leases;
  @Inject JobSchedule schedule;

  @Test
  @DisplayName(
      "Jobs: the purge deletes token rows past the grace and audit rows past the retention, keeps"
          + " fresh ones and tokens still referenced")
  void purgeByRetention() throws Exception {
    long userId = aNewTrader();
    Instant now = Instant.now();
    long old = now.minus(Duration.ofDays(8)).toEpochMilli(); // past the 7-day grace
    long fresh = now.plusSeconds(60).toEpochMilli();

    long oldUnused = oneTimeToken(userId, old);
    long oldBehindLiveAccess = oneTimeToken(userId, old);
    long liveAccess = accessToken(userId, oldBehindLiveAccess, fresh);
    long oldChain = oneTimeToken(userId, old);
    long oldAccess = accessToken(userId, oldChain, old);
    long oldInApp = inAppToken(userId, oldChain, oldAccess, old);
    long freshOneTime = oneTimeToken(userId, fresh);
    long freshInApp = inAppToken(userId, freshOneTime, null, fresh);
    long oldCrm = insert("crm_api_token", "token_hash, issued_at, expires_at", hash(), old, old);
    long freshCrm =
        insert("crm_api_token", "token_hash, issued_at, expires_at", hash(), fresh, fresh);
    long oldReset = resetLink(userId, old);
    long freshReset = resetLink(userId, fresh);
    long oldAudit = auditRow(now.minus(Duration.ofDays(401)).toEpochMilli());
    long keptAudit = auditRow(now.minus(Duration.ofDays(399)).toEpochMilli());

    purge.run(now); // the scheduled purge may run as well: only which rows remain is checked

    assertFalse(exists("one_time_token", oldUnused), "an unreferenced old OT token goes");
    assertFalse(exists("inapp_token", oldInApp));
    assertFalse(exists("access_token", oldAccess));
    assertFalse(exists("one_time_token", oldChain), "a whole expired chain goes in one run");
    assertFalse(exists("crm_api_token", oldCrm));
    assertFalse(exists("password_reset_token", oldReset));
    assertFalse(exists("audit_event", oldAudit), "older than the 400-day audit retention");
    assertTrue(exists("one_time_token", oldBehindLiveAccess), "a live access token points at it");
    assertTrue(exists("access_token", liveAccess));
    assertTrue(exists("one_time_token", freshOneTime));
    assertTrue(exists("inapp_token", freshInApp));
    assertTrue(exists("crm_api_token", freshCrm));
    assertTrue(exists("password_reset_token", freshReset));
    assertTrue(exists("audit_event", keptAudit));
  }

  @Test
  @DisplayName(
      "Jobs: of four instances contending at once for a job's lease, exactly one gets it; nobody"
          + " else until it runs out")
  void oneLeaseHolder() throws Exception {
    String job = "it-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    Duration length = Duration.ofMinutes(1);
    List<Future<Boolean>> contenders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String holder = "instance-" + i;
      contenders.add(executor.submit(() -> leases.acquire(job, holder, now, length)));
    }
    int holders = 0;
    for (Future<Boolean> contender : contenders) {
      holders += contender.get() ? 1 : 0;
    }
    assertEquals(1, holders, "lease holders");
    assertFalse(leases.acquire(job, "instance-x", now.plusSeconds(59), length), "still held");
    assertTrue(leases.acquire(job, "instance-x", now.plus(length), length), "run out: taken");
  }

  @Test
  @DisplayName(
      "Jobs: two instances tick the report job at once on the managed executor: one runs it, the"
          + " other skips the period")
  void oneTickRuns() throws Exception {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM job_lease WHERE job_name = 'report'");
    }
    try {
      Future<Boolean> first = executor.submit(() -> schedule.tick(Job.REPORT, "it-instance-a"));
      Future<Boolean> second = executor.submit(() -> schedule.tick(Job.REPORT, "it-instance-b"));
      boolean a = first.get();
      boolean b = second.get();

      assertTrue(a ^ b, "exactly one ran: " + a + ", " + b);
      try (Connection connection = database.getConnection();
          PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT holder, last_outcome FROM job_lease WHERE job_name = 'report'");
          ResultSet row = statement.executeQuery()) {
        assertTrue(row.next());
        assertEquals(a ? "it-instance-a" : "it-instance-b", row.getString(1));
        assertTrue(row.getString(2).contains("money movements unfinished"), row.getString(2));
      }
    } finally {
      // the lease runs for the whole default period: left held, it would keep the servers of
      // later tests on the same database (ClusterIT in the MariaDB pass) from the report job
      try (Connection connection = database.getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM job_lease WHERE job_name = 'report'");
      }
    }
  }

  private long oneTimeToken(long userId, long expiresAt) throws Exception {
    return token(
        "one_time_token", "user_id, purpose, keep_logged_in", expiresAt, userId, "LOGIN", true);
  }

  private long accessToken(long userId, long oneTimeTokenId, long expiresAt) throws Exception {
    return token("access_token", "user_id, one_time_token_id", expiresAt, userId, oneTimeTokenId);
  }

  private long inAppToken(long userId, long oneTimeTokenId, Long accessTokenId, long expiresAt)
      throws Exception {
    return token(
        "inapp_token",
        "user_id, one_time_token_id, access_token_id",
        expiresAt,
        userId,
        oneTimeTokenId,
        accessTokenId);
  }

  private long resetLink(long userId, long expiresAt) throws Exception {
    return token("password_reset_token", "user_id", expiresAt, userId);
  }

  /** A token row: a fresh hash, the given columns, issued a minute before it expires. */
  private long token(String table, String columns, long expiresAt, Object... values)
      throws Exception {
    List<Object> row = new ArrayList<>();
    row.add(hash());
    row.addAll(Arrays.asList(values));
    row.add(expiresAt - 60_000);
    row.add(expiresAt);
    return insert(table, "token_hash, " + columns + ", issued_at, expires_at", row.toArray());
  }

  private long auditRow(long occurredAt) throws Exception {
    return insert(
        "audit_event",
        "occurred_at, actor, action, outcome",
        occurredAt,
        "it",
        "USER_LOGIN",
        "SUCCESS");
  }

  private long insert(String table, String columns, Object... values) throws Exception {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + columns
            + ") VALUES ("
            + String.join(", ", Collections.nCopies(values.length, "?"))
            + ")";
    try (Connection connection = database.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private boolean exists(String table, long id) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id = ?")) {
      statement.setLong(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1) == 1;
      }
    }
  }

  private static String hash() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
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
