package org.brokersso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.brokersso.ContractClient.Reply;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.control.OnboardingInDoubt;
import org.brokersso.account.control.OnboardingPostponed;
import org.brokersso.account.entity.AccountTerms;
import org.brokersso.account.entity.Applicant;
import org.brokersso.account.entity.OpeningStage;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditOutcome;
import org.brokersso.ctrader.CtraderStandIn;
import org.brokersso.ctrader.CtraderStandIn.Request;
import org.brokersso.ctrader.CtraderStandIn.When;
import org.brokersso.ctrader.StandInWiring;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.CtraderUnreachable;
import org.brokersso.ctrader.control.WebservErrorCode;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.brokersso.funding.control.Deposits;
import org.brokersso.funding.control.FundingAudit;
import org.brokersso.funding.control.FundingReason;
import org.brokersso.funding.control.FundingResult;
import org.brokersso.funding.control.MoneyMovements;
import org.brokersso.funding.control.SandboxOutcome;
import org.brokersso.funding.control.UnfinishedMovements;
import org.brokersso.funding.control.Withdrawals;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.funding.entity.MovementState;
import org.brokersso.jobs.control.Retries;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.kyc.entity.SandboxDecision;
import org.brokersso.ribbon.control.RibbonPublications;
import org.brokersso.ribbon.control.RibbonPublisher;
import org.brokersso.ribbon.entity.Publication;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR in sandbox mode, except that cTrader is its stand-in over HTTP ({@link
 * CtraderStandIn}, wired in by {@link StandInWiring}): the product's own REST client on Payara's
 * runtime talks to it, and the tests fail it on purpose. Tests run inside the server unless marked
 * {@link RunAsClient}.
 *
 * <p>One class, one deployment, one Payara start, for what were five classes and five starts. The
 * sections below are those classes: Onboarding (was OnboardingIT), Ribbons (RibbonPublisherIT),
 * Deposits (DepositsIT), InApp chain (InAppChainIT), REST client on Payara (RestCtraderBackendIT).
 * Why not {@code @Nested} classes: arquillian-junit5 1.10.2 runs them on the client, outside the
 * server (arquillian-core issue 773, fixed after 1.10.2). Every test starts from a stand-in without
 * failures to come and with an empty journal; its cTrader state (users, traders) carries over, so
 * each test makes users of its own.
 */
@ExtendWith(ArquillianExtension.class)
class InServerStandInIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(
            InServerStandInIT.class,
            CtraderStandIn.class,
            StandInWiring.class,
            FundingAudit.class,
            // only loaded in the server (the InApp tests run on the client)
            Browser.class,
            ContractClient.class,
            InAppTrader.class,
            Traders.class)
        .addAsResource(
            new StringAsset(CtraderStandIn.shared().url().toString()), CtraderStandIn.URL_RESOURCE);
  }

  /** In the server, a handle on the stand-in of the test JVM; on the client, that stand-in. */
  private final CtraderStandIn standIn = CtraderStandIn.shared();

  /** The product's backend: its REST client against the stand-in. */
  @Inject CtraderBackend ctrader;

  @Inject Users users;
  @Inject UserTransaction tx;

  @BeforeEach
  void freshStandIn() {
    standIn.reset();
  }

  /** The requests of the call that changed cTrader's state and mention the text (an id, email). */
  private int acted(String call, String mention) {
    return (int)
        standIn.journal(call).stream()
            .filter(request -> request.acted() && request.mentions(mention))
            .count();
  }

  private long newBrokerUser(String email) throws Exception {
    tx.begin();
    long id = users.register(null, email).id();
    tx.commit();
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // Onboarding (was OnboardingIT): the saga 3.2 → 3.13 → 3.3 → 3.4 with a failure injected at
  // each step in turn; a retry completes it with exactly one cTrader user, account and link.

  private static final Applicant JANE = new Applicant("Jane", "en", true);
  private static final AccountTerms USD =
      new AccountTerms("USD", "Retail_USD", 50000, AccountType.HEDGED);
  private static final String REFUSAL = WebservErrorCode.UNKNOWN_ERROR.name();

  @Inject Onboarding onboarding;

  /** A broker user, not yet known to cTrader. */
  private record Applying(long id, String email) {}

  private Applying applying() throws Exception {
    String email = "onboard." + UUID.randomUUID() + "@example.org";
    return new Applying(newBrokerUser(email), email);
  }

  @Test
  @DisplayName(
      "Onboarding without failures: one call of each step, the account linked to the user cTrader knows by the email")
  void onboardsInOneGo() throws Exception {
    Applying jane = applying();
    TraderAccount account = onboarding.open(jane.id(), JANE, USD);

    assertOnboardedOnce(jane, account);
    assertEquals(1, acted("3.13", ctidOf(jane)));
  }

  @Test
  @DisplayName("Onboarding, 3.2 refused: the retry creates the user and the rest")
  void createUserRefused() throws Exception {
    Applying jane = applying();
    failsThenCompletes(
        jane,
        () -> standIn.next("3.2").matching(jane.email()).refuse(REFUSAL),
        CtraderRejection.class);
  }

  @Test
  @DisplayName(
      "Onboarding, 3.2's answer lost: the user is read back at once through 3.11, and the saga goes on")
  void createUserAnswerLost() throws Exception {
    Applying jane = applying();
    standIn.next("3.2").matching(jane.email()).loseAnswer();

    assertOnboardedOnce(jane, onboarding.open(jane.id(), JANE, USD));
    assertEquals(1, standIn.journal("3.2").size(), "3.2 is not sent again");
  }

  @Test
  @DisplayName(
      "Onboarding, 3.2 and then 3.11 unanswered: the retry reads back first, and finds the user the lost 3.2 created")
  void createUserAndReadBackLost() throws Exception {
    Applying jane = applying();
    standIn.next("3.2").matching(jane.email()).loseAnswer();
    standIn.every("3.11").withholdAnswer();
    TraderAccount requested = onboarding.request(jane.id(), JANE, USD);
    assertThrows(CtraderUnreachable.class, () -> onboarding.complete(requested.id()));
    standIn.forgetFailures();

    assertOnboardedOnce(jane, onboarding.complete(requested.id()));
    assertEquals(1, sent("3.2", jane.email()), "3.2 is not sent again: 3.11 found the user");
  }

  @Test
  @DisplayName(
      "Onboarding, 3.13 refused: the retry confirms the agreement and goes on; once per user")
  void agreementFails() throws Exception {
    Applying jane = applying();
    failsThenCompletes(jane, () -> standIn.next("3.13").refuse(REFUSAL), CtraderRejection.class);
    TraderAccount second = onboarding.request(jane.id(), JANE, USD);
    assertEquals(1, acted("3.13", ctidOf(jane)), "the agreement is confirmed once per user");
    assertTrue(onboarding.complete(second.id()).isLinked());
  }

  @Test
  @DisplayName("Onboarding, 3.13's answer lost: repeating it is harmless")
  void agreementAnswerLost() throws Exception {
    Applying jane = applying();
    failsThenCompletes(jane, () -> standIn.next("3.13").loseAnswer(), CtraderUnreachable.class);
  }

  @Test
  @DisplayName(
      "Onboarding, 3.3 refused: nothing was opened, so the retry sends 3.3 again and links")
  void openTradingAccountRefused() throws Exception {
    Applying jane = applying();
    failsThenCompletes(
        jane,
        () -> standIn.next("3.3").matching(jane.email()).refuse(REFUSAL),
        CtraderRejection.class);
  }

  @Test
  @DisplayName(
      "Onboarding, 3.4 refused: the retry links the trader already opened, without opening another")
  void linkRefused() throws Exception {
    Applying jane = applying();
    failsThenCompletes(jane, () -> standIn.next("3.4").refuse(REFUSAL), CtraderRejection.class);
  }

  @Test
  @DisplayName(
      "Onboarding, 3.3's answer lost: the saga stops in doubt instead of opening a second account")
  void openTradingAccountAnswerLost() throws Exception {
    Applying jane = applying();
    standIn.next("3.3").matching(jane.email()).loseAnswer();
    TraderAccount requested = onboarding.request(jane.id(), JANE, USD);
    assertThrows(CtraderUnreachable.class, () -> onboarding.complete(requested.id()));

    assertThrows(OnboardingInDoubt.class, () -> onboarding.complete(requested.id()));

    assertEquals(1, acted("3.3", jane.email()));
    assertEquals(
        List.of(requested.id()),
        onboarding.unfinished().stream()
            .filter(a -> a.userId() == jane.id())
            .map(TraderAccount::id)
            .toList());
    assertEquals(2, onboarding.accountsOf(jane.id()).get(0).attempts());
  }

  @Test
  @DisplayName("Onboarding: a second account for the same user reuses its cTrader user")
  void twoAccountsOneUser() throws Exception {
    Applying jane = applying();
    TraderAccount first = onboarding.open(jane.id(), JANE, USD);
    TraderAccount second =
        onboarding.open(
            jane.id(), JANE, new AccountTerms("EUR", "Retail_EUR", 10000, AccountType.NETTED));

    assertEquals(1, acted("3.2", jane.email()));
    assertEquals(2, acted("3.4", ctidOf(jane)));
    assertNotEquals(first.ctidTraderAccountId(), second.ctidTraderAccountId());
    assertEquals(2, onboarding.accountsOf(jane.id()).size());
    assertEquals(
        first.ctidTraderAccountId(), onboarding.complete(first.id()).ctidTraderAccountId());
    assertEquals(2, acted("3.4", ctidOf(jane)), "completing a linked account calls nothing");
  }

  // ---------------------------------------------------------------------------------------------
  // Faults of cTrader on calls that are not idempotent (3.2, 3.3, 3.5): a 5xx is "in doubt" unless
  // its error code says nothing was done (docs/contract-choices.md); cTrader's rate limit never
  // holds the caller's thread, the opening is resumed later.

  private static final String UNKNOWN = WebservErrorCode.UNKNOWN_ERROR.name();

  @Test
  @DisplayName(
      "Faults: 3.2 answered 500 UNKNOWN_ERROR after creating the user: read back with 3.11 and continued, one cTrader user")
  void createUserServerErrorAfterActing() throws Exception {
    Applying jane = applying();
    standIn.next("3.2").matching(jane.email()).failAfterActing(500, UNKNOWN);

    TraderAccount account = onboarding.open(jane.id(), JANE, USD);

    assertOnboardedOnce(jane, account);
    assertEquals(1, standIn.journal("3.2").size(), "3.2 is not sent again");
  }

  @Test
  @DisplayName(
      "Faults: 3.3 answered 500 UNKNOWN_ERROR after opening the trader: in doubt, held for an operator, never sent again")
  void openTradingAccountServerErrorAfterActing() throws Exception {
    Applying jane = applying();
    standIn.next("3.3").matching(jane.email()).failAfterActing(500, UNKNOWN);
    TraderAccount requested = onboarding.request(jane.id(), JANE, USD);

    assertThrows(CtraderUnreachable.class, () -> onboarding.complete(requested.id()));
    assertThrows(OnboardingInDoubt.class, () -> onboarding.complete(requested.id()));

    assertEquals(1, sent("3.3", jane.email()), "one 3.3 sent");
    assertEquals(1, acted("3.3", jane.email()), "one trader in cTrader");
    assertTrue(onboarding.unfinished().stream().anyMatch(a -> a.id() == requested.id()));

    // the operator finds the trader by its description in cTrader's back office
    Request opened =
        standIn.journal("3.3").stream()
            .filter(r -> r.mentions("broker-sso opening " + requested.id() + "\""))
            .findFirst()
            .orElseThrow();
    long login = opened.answerJson().getJsonNumber("login").longValue();
    onboarding.foundOpened(requested.id(), login, "alice");
    TraderAccount account = onboarding.complete(requested.id());

    assertOnboardedOnce(jane, account);
    assertEquals(login, account.traderLogin());
  }

  @Test
  @DisplayName(
      "Faults: 3.3 in doubt and not carried out: the operator finds nothing in cTrader, and the retry opens one trader")
  void openTradingAccountInDoubtNotOpened() throws Exception {
    Applying jane = applying();
    standIn.next("3.3").matching(jane.email()).withholdAnswer();
    TraderAccount requested = onboarding.request(jane.id(), JANE, USD);
    assertThrows(CtraderUnreachable.class, () -> onboarding.complete(requested.id()));
    assertThrows(
        IllegalStateException.class,
        () -> onboarding.foundNotOpened(onboarding.open(jane.id(), JANE, USD).id(), "alice"),
        "only an opening in doubt can be settled");

    onboarding.foundNotOpened(requested.id(), "alice");
    TraderAccount account = onboarding.complete(requested.id());

    assertTrue(account.isLinked());
    assertEquals(2, acted("3.3", jane.email()), "this opening's trader and the other opening's");
    assertEquals(
        1,
        onboarding.accountsOf(jane.id()).stream()
            .filter(a -> a.id() == requested.id() && a.isLinked())
            .count());
  }

  @Test
  @DisplayName(
      "Faults: 3.3 answered 500 with a code that says nothing was done (TRADER_GROUP_NOT_FOUND): a plain retry opens one trader")
  void openTradingAccountServerErrorNothingDone() throws Exception {
    Applying jane = applying();
    failsThenCompletes(
        jane,
        () -> standIn.next("3.3").matching(jane.email()).refuse(500, "TRADER_GROUP_NOT_FOUND"),
        CtraderRejection.class);
  }

  @Test
  @DisplayName(
      "Faults: 3.3 refused for the rate limit: the caller is answered at once (one 3.3, no wait), and a later resume opens one trader")
  void rateLimitedOpeningIsNotWaitedFor() throws Exception {
    Applying jane = applying();
    // cTrader's window outlasts the test: a caller that waited for it would never return
    standIn.every("3.3").matching(jane.email()).rateLimit(Duration.ofHours(1));
    TraderAccount requested = onboarding.request(jane.id(), JANE, USD);

    OnboardingPostponed postponed =
        assertThrows(OnboardingPostponed.class, () -> onboarding.complete(requested.id()));

    assertEquals(requested.id(), postponed.accountId());
    assertEquals(1, sent("3.3", jane.email()), "3.3 is not repeated on the caller's thread");
    assertEquals(0, acted("3.3", jane.email()));
    TraderAccount waiting = onboarding.accountsOf(jane.id()).get(0);
    assertFalse(waiting.isInDoubt(), "refused, so nothing was opened: resumable");
    assertEquals(OpeningStage.REQUESTED, waiting.stage());

    standIn.forgetFailures(); // the window is over
    TraderAccount account = onboarding.complete(requested.id()); // what a job or a revisit calls

    assertOnboardedOnce(jane, account);
    assertEquals(2, sent("3.3", jane.email()), "the refused 3.3 and one after the window");
  }

  @Test
  @DisplayName(
      "Faults: 3.3 refused for the rate limit with a short window: the opening is resumed in the background and linked once")
  void rateLimitedOpeningIsResumedInTheBackground() throws Exception {
    Applying jane = applying();
    standIn.next("3.3").matching(jane.email()).rateLimit(Duration.ofSeconds(1));
    TraderAccount requested = onboarding.request(jane.id(), JANE, USD);

    assertThrows(OnboardingPostponed.class, () -> onboarding.complete(requested.id()));

    TraderAccount account = eventuallyLinked(jane);
    assertOnboardedOnce(jane, account);
    assertEquals(2, sent("3.3", jane.email()), "the refused 3.3 and the one that opened");
  }

  /** The requests of the call that mention the text, whether cTrader acted or not. */
  private int sent(String call, String mention) {
    return (int) standIn.journal(call).stream().filter(r -> r.mentions(mention)).count();
  }

  /** Waits (bounded) for a background resume; no timing is asserted, only that it happens. */
  private TraderAccount eventuallyLinked(Applying jane) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      TraderAccount account = onboarding.accountsOf(jane.id()).get(0);
      if (account.isLinked()) {
        return account;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the opening was not resumed in the background within a minute");
  }

  private void failsThenCompletes(
      Applying jane, Runnable injectFailure, Class<? extends CtraderFailure> expected) {
    injectFailure.run();
    TraderAccount requested = onboarding.request(jane.id(), JANE, USD);
    assertThrows(expected, () -> onboarding.complete(requested.id()));
    assertTrue(onboarding.unfinished().stream().anyMatch(a -> a.id() == requested.id()));

    TraderAccount account = onboarding.complete(requested.id());

    assertOnboardedOnce(jane, account);
    assertEquals(1, onboarding.accountsOf(jane.id()).get(0).attempts(), "the failure is recorded");
  }

  private void assertOnboardedOnce(Applying jane, TraderAccount account) {
    long ctidUserId = users.byId(jane.id()).orElseThrow().ctidUserId();
    assertEquals(
        ctidUserId,
        ctrader.findUserId(jane.email()).orElseThrow(),
        "the user cTrader knows by this email");
    assertEquals(1, acted("3.2", jane.email()), "one cTrader user");
    assertEquals(1, acted("3.3", jane.email()), "one trading account");
    assertEquals(1, acted("3.4", Long.toString(ctidUserId)), "one link");
    assertEquals(OpeningStage.LINKED, account.stage());
    assertTrue(standIn.trader(account.traderLogin()).isPresent());
    assertEquals(1, onboarding.accountsOf(jane.id()).size());
    assertNull(account.traderPasswordHash(), "the trader password hash is dropped once linked");
  }

  private String ctidOf(Applying jane) {
    return Long.toString(users.byId(jane.id()).orElseThrow().ctidUserId());
  }

  // ---------------------------------------------------------------------------------------------
  // Ribbons (was RibbonPublisherIT): call 3.9 with the shipped ribbon.list; failures leave the
  // trader pending for the next login; the KYC ribbon goes once KYC is approved; a push to all.

  /** The shipped defaults, with screen.public-url unset in the tests: the sandbox's base. */
  private static final Ribbon DEPOSIT =
      Ribbon.of(
          "#1f8efa",
          "Deposit funds",
          true,
          RibbonAction.inApp("http://localhost:8080/inapp/deposit"));

  private static final Ribbon KYC =
      Ribbon.of(
          "#e8a33d",
          "Verify your identity",
          false,
          RibbonAction.inApp("http://localhost:8080/inapp/kyc"));

  @Inject RibbonPublisher publisher;
  @Inject RibbonPublications publications;
  @Inject KycChecks kyc;

  @Test
  @DisplayName("Ribbons after signup: cTrader holds the configured ribbons with absolute URLs")
  void publishedAfterSignup() throws Exception {
    User jane = ctraderUser();

    assertEquals(Publication.PUBLISHED, publisher.publishTo(jane.id()));

    assertEquals(List.of(DEPOSIT, KYC), standIn.ribbons(jane.ctidUserId()));
    assertFalse(publications.isPending(jane.id()));
    assertEquals(Publication.UP_TO_DATE, publisher.publishIfPending(jane.id()));
    assertEquals(
        1, acted("3.9", jane.ctidUserId().toString()), "a login after a push calls nothing");
  }

  @Test
  @DisplayName(
      "Ribbons: cTrader refuses the push: no exception, the trader stays pending, the next login pushes")
  void refusedPushRetriedAtLogin() throws Exception {
    User jane = ctraderUser();
    standIn.next("3.9").matching(jane.ctidUserId().toString()).refuse(REFUSAL);

    assertEquals(Publication.FAILED, publisher.publishTo(jane.id()));

    assertTrue(standIn.ribbons(jane.ctidUserId()).isEmpty());
    assertTrue(publications.isPending(jane.id()));
    assertEquals(Publication.PUBLISHED, publisher.publishIfPending(jane.id()));
    assertEquals(List.of(DEPOSIT, KYC), standIn.ribbons(jane.ctidUserId()));
  }

  @Test
  @DisplayName(
      "Ribbons: the push's answer is lost: pending, and pushed again at the next login (3.9 replaces, so twice is harmless)")
  void lostAnswerRetriedAtLogin() throws Exception {
    User jane = ctraderUser();
    standIn.next("3.9").matching(jane.ctidUserId().toString()).loseAnswer();

    assertEquals(Publication.FAILED, publisher.publishTo(jane.id()));
    assertEquals(Publication.PUBLISHED, publisher.publishIfPending(jane.id()));

    assertEquals(List.of(DEPOSIT, KYC), standIn.ribbons(jane.ctidUserId()));
    assertEquals(2, acted("3.9", jane.ctidUserId().toString()));
  }

  @Test
  @DisplayName(
      "Ribbons: a trader never pushed to (signed up before ribbons) gets them at the next login")
  void neverPushedIsPending() throws Exception {
    User jane = ctraderUser();
    assertTrue(publications.isPending(jane.id()));
    assertEquals(Publication.PUBLISHED, publisher.publishIfPending(jane.id()));
  }

  @Test
  @DisplayName("Ribbons: a user cTrader does not know yet is left pending")
  void notInCtrader() throws Exception {
    long userId = newBrokerUser("ribbon." + UUID.randomUUID() + "@example.org");

    assertEquals(Publication.NOT_IN_CTRADER, publisher.publishTo(userId));
    assertTrue(publications.isPending(userId));
    assertEquals(0, acted("3.9", ""));
  }

  @Test
  @DisplayName("Ribbons: KYC approved: the until-kyc-approved ribbon is withdrawn from cTrader")
  void kycApprovalWithdrawsTheKycRibbon() throws Exception {
    User jane = ctraderUser();
    publisher.publishTo(jane.id());

    kyc.submit(jane.id(), null, SandboxDecision.APPROVE);

    assertEquals(List.of(DEPOSIT), standIn.ribbons(jane.ctidUserId()));
    assertFalse(publications.isPending(jane.id()));
  }

  @Test
  @DisplayName("Ribbons: a push to everybody reaches traders never pushed to, in the background")
  void publishToAll() throws Exception {
    User jane = ctraderUser();
    User joe = ctraderUser();

    assertTrue(publisher.publishToAll("test"));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (publisher.rollout().running() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }

    assertFalse(publisher.rollout().running());
    assertEquals(List.of(DEPOSIT, KYC), standIn.ribbons(jane.ctidUserId()));
    assertEquals(List.of(DEPOSIT, KYC), standIn.ribbons(joe.ctidUserId()));
    assertFalse(publications.isPending(jane.id()));
    assertFalse(publications.isPending(joe.id()));
  }

  // Jobs (issue 13): the retry job takes up what a cTrader failure deferred to the next login.

  @Inject Retries retries;

  @Resource(lookup = "java:app/jdbc/brokerSso")
  DataSource database;

  @Test
  @DisplayName(
      "Jobs: the retry job pushes ribbons cTrader refused and makes a deferred partner attribution,"
          + " through the login's code")
  void retryJobTakesUpDeferredWork() throws Exception {
    User jane = ctraderUser();
    standIn.next("3.9").matching(jane.ctidUserId().toString()).refuse(REFUSAL);
    assertEquals(Publication.FAILED, publisher.publishTo(jane.id()));
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      // only Jane is left to retry: rows of earlier runs (their cTrader users are gone with the
      // stand-in) would otherwise take the run's turns
      statement.executeUpdate(
          "UPDATE ribbon_publication SET pending = FALSE WHERE user_id <> " + jane.id());
      statement.executeUpdate(
          "UPDATE broker_user SET referral_applied_at = 0 WHERE referred_by IS NOT NULL"
              + " AND referral_applied_at IS NULL");
      // a partner attribution that a failed 3.6 deferred: the signup's partnerId, not applied
      statement.executeUpdate(
          "UPDATE broker_user SET referred_by = 'IB-RETRY' WHERE id = " + jane.id());
    }

    String outcome = retries.run();

    assertEquals(List.of(DEPOSIT, KYC), standIn.ribbons(jane.ctidUserId()), outcome);
    assertFalse(publications.isPending(jane.id()));
    assertEquals(
        "IB-RETRY", ctrader.partnerOf(jane.ctidUserId(), null).orElseThrow().partnerId(), outcome);
    assertEquals(0, users.pendingReferralsAfter(0, 10).size(), "applied, so not retried again");
  }

  /** A broker user whose cTrader user exists, as after signup. */
  private User ctraderUser() throws Exception {
    String email = "ribbon." + UUID.randomUUID() + "@example.org";
    long ctidUserId = ctrader.createUser(CreateUserRequest.of(email, "Jane", "en"));
    tx.begin();
    User user = users.register(ctidUserId, email);
    tx.commit();
    return user;
  }

  // ---------------------------------------------------------------------------------------------
  // Deposits (was DepositsIT): deposits and withdrawals against the sandbox payment provider, with
  // call 3.5 failing on demand: every movement books exactly once, or waits, or stops in doubt
  // without sending anything again, and the balance the client area shows follows cTrader's.

  private static final SandboxOutcome APPROVE = SandboxOutcome.APPROVE;
  private static final SandboxOutcome DECLINE = SandboxOutcome.DECLINE;

  /** cTrader refuses the 3.5 before acting. */
  private static final Consumer<When> REFUSED = next -> next.refuse(REFUSAL);

  /** No answer to the 3.5, and cTrader did not act. */
  private static final Consumer<When> UNREACHABLE_BEFORE_ACTING = When::withholdAnswer;

  /** cTrader acts on the 3.5, and its answer is lost. */
  private static final Consumer<When> ANSWER_LOST = When::loseAnswer;

  @Inject Deposits deposits;
  @Inject Withdrawals withdrawals;
  @Inject UnfinishedMovements unfinished;
  @Inject MoneyMovements movements;
  @Inject FundingAudit audit;

  /** A broker user with a trading account opened and linked through the stand-in. */
  private record Funded(long userId, long login) {}

  /** One 3.5 that cTrader booked, as the stand-in's journal shows it. */
  private record Booked(
      BalanceChangeType type, BigDecimal amount, String externalId, long balanceHistoryId) {}

  @Test
  @DisplayName(
      "Deposits: an approved deposit is credited once with dep-<id>; cTrader's balance and the client area's rise by the amount")
  void approvedDepositIsCreditedOnce() throws Exception {
    Funded jane = funded();
    MoneyMovement deposit =
        moved(
            deposits.deposit(
                jane.userId(), jane.login(), new BigDecimal("250.75"), key(), APPROVE));

    assertEquals(MovementState.CREDITED, deposit.state());
    List<Booked> credits = booked("dep-" + deposit.id());
    assertEquals(1, credits.size(), "one 3.5");
    assertEquals(BalanceChangeType.DEPOSIT, credits.get(0).type());
    assertEquals(credits.get(0).balanceHistoryId(), deposit.balanceHistoryId());
    assertNotNull(deposit.paymentReference());
    assertBalances(jane, "250.75");
    assertInstanceOf(FundingResult.Moved.class, deposits.complete(deposit.id()));
    assertEquals(
        1, booked("dep-" + deposit.id()).size(), "completing a credited deposit sends nothing");
    assertTrue(
        audit.count(jane.userId(), AuditAction.DEPOSIT, AuditOutcome.SUCCESS) >= 4,
        "requested, approved, sent, credited");
  }

  @Test
  @DisplayName("Deposits: a declined payment books nothing")
  void declinedDepositBooksNothing() throws Exception {
    Funded jane = funded();
    FundingResult.Refused refused =
        assertInstanceOf(
            FundingResult.Refused.class,
            deposits.deposit(jane.userId(), jane.login(), new BigDecimal("100"), key(), DECLINE));

    assertEquals(FundingReason.PAYMENT_DECLINED, refused.reason());
    assertEquals(MovementState.PAYMENT_DECLINED, refused.movement().state());
    assertEquals(List.of(), booked("dep-" + refused.movement().id()));
    assertBalances(jane, "0");
  }

  @Test
  @DisplayName(
      "Deposits: the same request key twice (a double click) is one deposit and one 3.5; another request under that key is refused")
  void doubleClickIsOneDeposit() throws Exception {
    Funded jane = funded();
    String key = key();
    MoneyMovement first =
        moved(deposits.deposit(jane.userId(), jane.login(), new BigDecimal("100"), key, APPROVE));
    MoneyMovement second =
        moved(
            deposits.deposit(jane.userId(), jane.login(), new BigDecimal("100.00"), key, APPROVE));

    assertEquals(first.id(), second.id());
    assertEquals(1, booked("dep-" + first.id()).size());
    assertBalances(jane, "100");
    assertEquals(
        FundingReason.REQUEST_KEY_REUSED,
        refusal(
            deposits.deposit(jane.userId(), jane.login(), new BigDecimal("200"), key, APPROVE)));
    assertEquals(
        FundingReason.REQUEST_KEY_REUSED,
        refusal(
            withdrawals.withdraw(
                jane.userId(), jane.login(), new BigDecimal("100"), key, APPROVE)));
  }

  @Test
  @DisplayName("Deposits: two requests with the same key at the same moment: one deposit, one 3.5")
  void concurrentDoubleClickIsOneDeposit() throws Exception {
    Funded jane = funded();
    String key = key();
    CountDownLatch start = new CountDownLatch(1);
    Callable<FundingResult> click =
        () -> {
          start.await();
          return deposits.deposit(jane.userId(), jane.login(), new BigDecimal("100"), key, APPROVE);
        };
    ManagedExecutorService executor =
        (ManagedExecutorService)
            new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
    Future<FundingResult> one = executor.submit(click);
    Future<FundingResult> two = executor.submit(click);
    start.countDown();

    MoneyMovement first = movementOf(one.get());
    MoneyMovement second = movementOf(two.get());
    assertEquals(first.id(), second.id());
    assertEquals(MovementState.CREDITED, movements.find(first.id()).state());
    assertEquals(1, booked("dep-" + first.id()).size());
    assertBalances(jane, "100");
  }

  @Test
  @DisplayName(
      "Deposits: cTrader refuses the credit: the deposit waits at PAYMENT_APPROVED, and complete credits it once")
  void refusedCreditIsCompleted() throws Exception {
    Funded jane = funded();
    FundingResult.Unfinished waiting =
        unfinished(
            deposits.deposit(
                jane.userId(),
                jane.login(),
                new BigDecimal("75.10"),
                key(),
                approveFailing(REFUSED, "dep-")));

    assertEquals(FundingReason.CTRADER_UNAVAILABLE, waiting.reason());
    long id = waiting.movement().id();
    assertEquals(MovementState.PAYMENT_APPROVED, waiting.movement().state());
    assertTrue(unfinished.all().stream().anyMatch(m -> m.id() == id));
    assertEquals(List.of(), booked("dep-" + id));
    assertBalances(jane, "0");

    assertEquals(MovementState.CREDITED, moved(deposits.complete(id)).state());
    assertEquals(1, booked("dep-" + id).size());
    assertBalances(jane, "75.10");
    assertTrue(unfinished.all().stream().noneMatch(m -> m.id() == id));
  }

  @Test
  @DisplayName(
      "Deposits: no answer to the credit, though cTrader did not act: in doubt, complete resends nothing; 'not booked' lets it credit once")
  void unansweredCreditIsInDoubtUntilSettled() throws Exception {
    Funded jane = funded();
    FundingResult.Unfinished doubt =
        unfinished(
            deposits.deposit(
                jane.userId(),
                jane.login(),
                new BigDecimal("60"),
                key(),
                approveFailing(UNREACHABLE_BEFORE_ACTING, "dep-")));
    long id = doubt.movement().id();
    assertEquals(FundingReason.IN_DOUBT, doubt.reason());
    assertEquals(MovementState.CREDIT_IN_DOUBT, doubt.movement().state());

    assertEquals(FundingReason.IN_DOUBT, unfinished(deposits.complete(id)).reason());
    assertEquals(List.of(), booked("dep-" + id), "nothing is sent while in doubt");
    assertEquals(1, standIn.journal("3.5").size(), "the one 3.5, unanswered");

    assertEquals(
        FundingReason.CTRADER_UNAVAILABLE, unfinished(unfinished.notBooked(id, "alice")).reason());
    assertEquals(MovementState.CREDITED, moved(deposits.complete(id)).state());
    assertEquals(1, booked("dep-" + id).size());
    assertBalances(jane, "60");
  }

  @Test
  @DisplayName(
      "Deposits: the credit's answer is lost: in doubt, complete does not resend; the operator's 'booked' finishes it")
  void lostCreditAnswerIsNeverResent() throws Exception {
    Funded jane = funded();
    FundingResult.Unfinished doubt =
        unfinished(
            deposits.deposit(
                jane.userId(),
                jane.login(),
                new BigDecimal("40.50"),
                key(),
                approveFailing(ANSWER_LOST, "dep-")));
    long id = doubt.movement().id();
    assertEquals(MovementState.CREDIT_IN_DOUBT, doubt.movement().state());
    assertEquals(1, booked("dep-" + id).size());

    assertEquals(FundingReason.IN_DOUBT, unfinished(deposits.complete(id)).reason());
    assertEquals(FundingReason.IN_DOUBT, unfinished(unfinished.complete(id)).reason());
    assertEquals(1, booked("dep-" + id).size(), "3.5 is not idempotent: never sent twice");
    assertEquals(1, standIn.journal("3.5").size(), "not even refused: not sent at all");
    assertEquals(new BigDecimal("40.50"), cTraderBalance(jane));

    long balanceHistoryId = booked("dep-" + id).get(0).balanceHistoryId();
    MoneyMovement settled = moved(unfinished.booked(id, balanceHistoryId, "alice"));
    assertEquals(balanceHistoryId, settled.balanceHistoryId());
    assertBalances(jane, "40.50");
  }

  @Test
  @DisplayName(
      "Faults: the credit answered 500 UNKNOWN_ERROR after booking: in doubt, complete never resends")
  void serverErrorOnCreditIsInDoubt() throws Exception {
    Funded jane = funded();
    FundingResult.Unfinished doubt =
        unfinished(
            deposits.deposit(
                jane.userId(),
                jane.login(),
                new BigDecimal("33"),
                key(),
                approveFailing(next -> next.failAfterActing(500, UNKNOWN), "dep-")));
    long id = doubt.movement().id();
    assertEquals(FundingReason.IN_DOUBT, doubt.reason());
    assertEquals(MovementState.CREDIT_IN_DOUBT, doubt.movement().state());

    assertEquals(FundingReason.IN_DOUBT, unfinished(deposits.complete(id)).reason());
    assertEquals(1, standIn.journal("3.5").size(), "3.5 is not idempotent: never sent twice");
    assertEquals(new BigDecimal("33.00"), cTraderBalance(jane), "booked once");
  }

  @Test
  @DisplayName(
      "Faults: the credit refused for the rate limit: the screen is answered at once, and the credit is completed in the background, once")
  void rateLimitedCreditIsCompletedInTheBackground() throws Exception {
    Funded jane = funded();
    FundingResult.Unfinished waiting =
        unfinished(
            deposits.deposit(
                jane.userId(),
                jane.login(),
                new BigDecimal("21"),
                key(),
                approveFailing(next -> next.rateLimit(Duration.ofSeconds(1)), "dep-")));
    long id = waiting.movement().id();
    assertEquals(MovementState.PAYMENT_APPROVED, waiting.movement().state());

    for (int i = 0; i < 600 && movements.find(id).state() != MovementState.CREDITED; i++) {
      Thread.sleep(100);
    }
    assertEquals(MovementState.CREDITED, movements.find(id).state(), "completed in the background");
    assertEquals(1, booked("dep-" + id).size());
    assertBalances(jane, "21");
  }

  @Test
  @DisplayName(
      "Faults: the debit answered 500 UNKNOWN_ERROR after debiting: in doubt, not 'not debited', and no payout")
  void serverErrorOnDebitIsInDoubt() throws Exception {
    Funded jane = funded();
    moved(deposits.deposit(jane.userId(), jane.login(), new BigDecimal("300"), key(), APPROVE));
    failNext(next -> next.failAfterActing(500, UNKNOWN), "wdr-");

    FundingResult.Unfinished doubt =
        unfinished(
            withdrawals.withdraw(
                jane.userId(), jane.login(), new BigDecimal("100"), key(), APPROVE));

    assertEquals(MovementState.DEBIT_IN_DOUBT, doubt.movement().state());
    assertNull(doubt.movement().paymentReference(), "nothing paid out while in doubt");
    withdrawals.complete(doubt.movement().id());
    assertEquals(1, booked("wdr-" + doubt.movement().id()).size(), "debited once");
    assertEquals(
        1,
        standIn.journal("3.5").stream().filter(r -> r.mentions("wdr-")).count(),
        "never sent again");
  }

  @Test
  @DisplayName(
      "Deposits: a withdrawal within the balance is debited once with wdr-<id>, then paid out")
  void withdrawalIsDebitedThenPaidOut() throws Exception {
    Funded jane = funded();
    moved(deposits.deposit(jane.userId(), jane.login(), new BigDecimal("500"), key(), APPROVE));

    MoneyMovement withdrawal =
        moved(
            withdrawals.withdraw(
                jane.userId(), jane.login(), new BigDecimal("200.25"), key(), APPROVE));

    assertEquals(MovementState.PAID_OUT, withdrawal.state());
    List<Booked> debits = booked("wdr-" + withdrawal.id());
    assertEquals(1, debits.size());
    assertEquals(BalanceChangeType.WITHDRAW, debits.get(0).type());
    assertNotNull(withdrawal.paymentReference(), "paid out");
    assertBalances(jane, "299.75");
  }

  @Test
  @DisplayName(
      "Deposits: a withdrawal beyond the balance: NOT_ENOUGH_MONEY, nothing debited, no payout")
  void withdrawalBeyondTheBalanceIsRefused() throws Exception {
    Funded jane = funded();
    moved(deposits.deposit(jane.userId(), jane.login(), new BigDecimal("100"), key(), APPROVE));

    FundingResult.Refused refused =
        assertInstanceOf(
            FundingResult.Refused.class,
            withdrawals.withdraw(
                jane.userId(), jane.login(), new BigDecimal("150"), key(), APPROVE));

    assertEquals(FundingReason.NOT_ENOUGH_MONEY, refused.reason());
    assertEquals(MovementState.REFUSED_NOT_ENOUGH_MONEY, refused.movement().state());
    assertEquals(List.of(), booked("wdr-" + refused.movement().id()));
    assertNull(refused.movement().paymentReference(), "no payout was started");
    assertBalances(jane, "100");
    assertEquals(1, audit.count(jane.userId(), AuditAction.WITHDRAWAL, AuditOutcome.REFUSED));
  }

  @Test
  @DisplayName("Deposits: a declined payout is re-credited exactly once with wdr-rev-<id>")
  void declinedPayoutIsReversedOnce() throws Exception {
    Funded jane = funded();
    moved(deposits.deposit(jane.userId(), jane.login(), new BigDecimal("500"), key(), APPROVE));

    FundingResult.Refused reversed =
        assertInstanceOf(
            FundingResult.Refused.class,
            withdrawals.withdraw(
                jane.userId(), jane.login(), new BigDecimal("200"), key(), DECLINE));

    long id = reversed.movement().id();
    assertEquals(FundingReason.PAYOUT_DECLINED, reversed.reason());
    assertEquals(MovementState.REVERSED, reversed.movement().state());
    assertEquals(1, booked("wdr-" + id).size());
    List<Booked> reversals = booked("wdr-rev-" + id);
    assertEquals(1, reversals.size());
    assertEquals(BalanceChangeType.DEPOSIT, reversals.get(0).type());
    assertEquals(reversals.get(0).balanceHistoryId(), reversed.movement().reversalHistoryId());
    assertBalances(jane, "500");
    withdrawals.complete(id);
    assertEquals(
        1, booked("wdr-rev-" + id).size(), "completing a reversed withdrawal sends nothing");
  }

  @Test
  @DisplayName(
      "Deposits: a declined payout whose re-credit is refused waits at PAYOUT_FAILED; complete re-credits once")
  void refusedReversalIsCompleted() throws Exception {
    Funded jane = funded();
    moved(deposits.deposit(jane.userId(), jane.login(), new BigDecimal("500"), key(), APPROVE));
    failNext(REFUSED, "wdr-rev-");

    FundingResult.Unfinished waiting =
        unfinished(
            withdrawals.withdraw(
                jane.userId(), jane.login(), new BigDecimal("120"), key(), DECLINE));

    long id = waiting.movement().id();
    assertEquals(MovementState.PAYOUT_FAILED, waiting.movement().state());
    assertEquals(FundingReason.PAYOUT_DECLINED, waiting.reason());
    assertBalances(jane, "380");
    assertEquals(
        MovementState.REVERSED,
        assertInstanceOf(FundingResult.Refused.class, withdrawals.complete(id)).movement().state());
    assertEquals(1, booked("wdr-rev-" + id).size());
    assertBalances(jane, "500");
  }

  @Test
  @DisplayName(
      "Deposits: above the KYC threshold refused without approved KYC; at the threshold it goes through")
  void largeDepositsNeedKyc() throws Exception {
    Funded jane = funded();
    String key = key();
    assertEquals(
        FundingReason.KYC_REQUIRED,
        refusal(
            deposits.deposit(
                jane.userId(), jane.login(), new BigDecimal("1000.01"), key, APPROVE)));
    assertTrue(movements.byRequestKey(key).isEmpty(), "nothing recorded");
    assertEquals(1, audit.count(jane.userId(), AuditAction.DEPOSIT, AuditOutcome.REFUSED));

    moved(deposits.deposit(jane.userId(), jane.login(), new BigDecimal("1000"), key, APPROVE));
    assertBalances(jane, "1000");
  }

  @Test
  @DisplayName(
      "Deposits: another user's account, an unknown one, or an amount out of bounds is refused before anything happens")
  void foreignAccountsAndBadAmountsAreRefused() throws Exception {
    Funded jane = funded();
    long userId = jane.userId();
    long login = jane.login();
    long stranger = newBrokerUser(fundingEmail());
    long strangersLogin = onboarding.open(stranger, JANE, USD).traderLogin();

    assertEquals(
        FundingReason.NOT_YOUR_ACCOUNT,
        refusal(deposits.deposit(userId, strangersLogin, new BigDecimal("100"), key(), APPROVE)));
    assertEquals(
        FundingReason.NOT_YOUR_ACCOUNT,
        refusal(withdrawals.withdraw(userId, strangersLogin, new BigDecimal("1"), key(), APPROVE)));
    assertEquals(
        FundingReason.NOT_YOUR_ACCOUNT,
        refusal(deposits.deposit(userId, 1L, new BigDecimal("100"), key(), APPROVE)));
    assertEquals(
        FundingReason.AMOUNT_TOO_SMALL,
        refusal(deposits.deposit(userId, login, new BigDecimal("9.99"), key(), APPROVE)));
    assertEquals(
        FundingReason.AMOUNT_TOO_LARGE,
        refusal(deposits.deposit(userId, login, new BigDecimal("50000.01"), key(), APPROVE)));
    assertEquals(
        FundingReason.AMOUNT_INVALID,
        refusal(deposits.deposit(userId, login, new BigDecimal("10.001"), key(), APPROVE)));
    assertEquals(
        FundingReason.AMOUNT_INVALID,
        refusal(withdrawals.withdraw(userId, login, new BigDecimal("-5"), key(), APPROVE)));
    assertEquals(List.of(), movements.ofUser(userId));
    assertEquals(
        new BigDecimal("0.00"),
        standIn.trader(strangersLogin).map(t -> t.money(t.balance())).orElseThrow());
  }

  private Funded funded() throws Exception {
    long userId = newBrokerUser(fundingEmail());
    return new Funded(userId, onboarding.open(userId, JANE, USD).traderLogin());
  }

  private static String fundingEmail() {
    return "funding." + UUID.randomUUID() + "@example.org";
  }

  /** The 3.5 calls that acted with this externalId. */
  private List<Booked> booked(String externalId) {
    return standIn.journal("3.5").stream()
        .filter(request -> request.acted())
        .filter(request -> externalId.equals(request.json().getString("externalId", null)))
        .map(
            request ->
                new Booked(
                    BalanceChangeType.valueOf(request.json().getString("type")),
                    request.json().getJsonNumber("preciseAmount").bigDecimalValue(),
                    externalId,
                    request.answerJson().getJsonNumber("balanceHistoryId").longValue()))
        .toList();
  }

  /** The next 3.5 whose externalId starts with {@code prefix} fails so. */
  private void failNext(Consumer<When> failure, String prefix) {
    failure.accept(standIn.next("3.5").matching("\"externalId\":\"" + prefix));
  }

  /** The sandbox's choice, and the failure of the next 3.5 with that prefix. */
  private SandboxOutcome approveFailing(Consumer<When> failure, String prefix) {
    failNext(failure, prefix);
    return APPROVE;
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static MoneyMovement moved(FundingResult result) {
    return assertInstanceOf(FundingResult.Moved.class, result, result.toString()).movement();
  }

  private static FundingResult.Unfinished unfinished(FundingResult result) {
    return assertInstanceOf(FundingResult.Unfinished.class, result, result.toString());
  }

  private static FundingReason refusal(FundingResult result) {
    FundingResult.Refused refused =
        assertInstanceOf(FundingResult.Refused.class, result, result.toString());
    assertNull(refused.movement(), "refused before anything was recorded");
    return refused.reason();
  }

  private static MoneyMovement movementOf(FundingResult result) {
    if (result instanceof FundingResult.Moved moved) {
      return moved.movement();
    }
    return unfinished(result).movement();
  }

  private BigDecimal cTraderBalance(Funded jane) {
    Trader trader = standIn.trader(jane.login()).orElseThrow();
    return trader.money(trader.balance());
  }

  /** cTrader's balance and the one the client area shows (TraderAccount) are both expected. */
  private void assertBalances(Funded jane, String expected) {
    BigDecimal amount = new BigDecimal(expected).setScale(2);
    assertEquals(amount, cTraderBalance(jane), "cTrader's balance");
    assertEquals(
        amount,
        onboarding.accountsOf(jane.userId()).get(0).balance(),
        "the balance the client area shows");
  }

  // ---------------------------------------------------------------------------------------------
  // InApp chain (was InAppChainIT), on the client: cTrader mints a token (4.4), the deposit
  // screen takes it once, the sandbox payment provider approves, and the product sends 3.5 DEPOSIT
  // once, through its REST client, to the stand-in, whose journal is the evidence.

  @Test
  @RunAsClient
  @DisplayName(
      "InApp chain: 4.4 token → deposit screen once → approved payment → one 3.5 DEPOSIT on cTrader's stand-in; the token again is refused")
  void depositReachesCtraderOnce() throws Exception {
    ContractClient cTrader = new ContractClient();
    String crmApiToken = cTrader.crmApiToken();
    try (Browser browser = new Browser(cTrader.base());
        Browser app = new Browser(cTrader.base())) {
      InAppTrader trader = InAppTrader.signUp(browser, cTrader, crmApiToken);
      List<Request> links =
          standIn.journal("3.4").stream()
              .filter(
                  link -> link.json().getJsonNumber("traderLogin").longValue() == trader.login())
              .toList();
      assertEquals(
          1, links.size(), "the account was opened and linked by cTrader's stand-in (3.3, 3.4)");

      String screen =
          "/inapp/deposit?token="
              + trader.inAppToken(cTrader, crmApiToken)
              + "&account="
              + trader.login()
              + "&lang=en";
      app.open(screen);
      assertEquals(
          String.valueOf(trader.login()),
          app.text("account-login"),
          "the token opened the deposit screen");
      Reply replay = cTrader.get(screen.substring(1));
      assertEquals(403, replay.status(), "the same token opened again");
      assertTrue(
          replay.body().contains("id=\"refused\"") && replay.body().contains("already been used"),
          replay.body());
      assertFalse(replay.body().contains("deposit:amount"), "no deposit form for the replay");

      app.type("deposit:amount", "250.75")
          .select("deposit:outcome", "APPROVE")
          .click("deposit:submit")
          .click("review:confirm");
      assertEquals("/inapp/done", app.url().getPath());
      assertEquals("deposit", app.queryParameter("what"));

      Request credit = theOneCredit(trader, "250.75");
      assertEquals(200, credit.status(), "cTrader's stand-in booked it");
      assertEquals(25_075, balanceOnTheStandIn(trader), "cTrader holds the amount, in cents");
      browser.open("/client/accounts");
      assertTrue(
          browser.texts("tr.account td.balance").get(0).startsWith("250.75"),
          "the client area shows what 3.5 booked");
    }
  }

  @Test
  @RunAsClient
  @DisplayName(
      "InApp chain: a double click on the deposit's confirmation sends one 3.5 to the stand-in")
  void doubleSubmitSendsOneChangeBalance() throws Exception {
    ContractClient cTrader = new ContractClient();
    String crmApiToken = cTrader.crmApiToken();
    try (Browser browser = new Browser(cTrader.base())) {
      InAppTrader trader = InAppTrader.signUp(browser, cTrader, crmApiToken);
      browser.open(
          "/inapp/deposit?token="
              + trader.inAppToken(cTrader, crmApiToken)
              + "&account="
              + trader.login()
              + "&lang=en");
      browser.type("deposit:amount", "40").click("deposit:submit");
      for (int status : browser.postTwiceAtOnce("review", "confirm")) {
        assertTrue(status < 500, "each post is answered");
      }
      theOneCredit(trader, "40");
      assertEquals(4_000, balanceOnTheStandIn(trader));
    }
  }

  /** The trader's only 3.5 on the stand-in, checked against the deposit the screen was given. */
  private Request theOneCredit(InAppTrader trader, String amount) {
    List<Request> credits =
        standIn.journal("3.5").stream()
            .filter(
                request -> request.path().endsWith("/traders/" + trader.login() + "/changebalance"))
            .toList();
    assertEquals(1, credits.size(), "exactly one 3.5 reached cTrader: " + credits);
    JsonObject body = credits.get(0).json();
    assertEquals(trader.login(), body.getJsonNumber("login").longValue());
    assertEquals(
        0,
        new BigDecimal(amount).compareTo(body.getJsonNumber("preciseAmount").bigDecimalValue()),
        body.toString());
    assertEquals("DEPOSIT", body.getString("type"));
    assertTrue(body.getString("externalId").matches("dep-\\d+"), body.toString());
    return credits.get(0);
  }

  private long balanceOnTheStandIn(InAppTrader trader) {
    return standIn.trader(trader.login()).orElseThrow().balance();
  }

  // ---------------------------------------------------------------------------------------------
  // REST client on Payara (was RestCtraderBackendIT): the product's backend above is Payara's own
  // MicroProfile REST Client and JSON-B; what RestCtraderBackendTest proves with the test
  // classpath's Jersey also holds in the runtime the product ships on.

  @Test
  @DisplayName(
      "REST client on Payara, 3.1 + 3.2: the token in the query, the body's keys as the spec spells them")
  void restClientCreatesUser() {
    String email = "payara." + UUID.randomUUID() + "@example.org";
    long userId = ctrader.createUser(new CreateUserRequest(null, email, "Jane", "jt", "de"));

    Request create = standIn.journal("3.2").get(0);
    assertEquals(create.answerJson().getJsonNumber("userId").longValue(), userId);
    assertEquals(standIn.token(), create.param("token"), create.query());
    for (String key :
        List.of(
            "\"brokerCrmName\":\"ACMECRM\"",
            "\"email\":\"" + email + "\"",
            "\"nickName\":\"jt\"",
            "\"preferredLanguage\":\"de\"")) {
      assertTrue(create.body().replace(" ", "").contains(key), create.body());
    }
    assertTrue(
        assertThrows(
                CtraderRejection.class,
                () -> ctrader.createUser(CreateUserRequest.of(email, null, "en")))
            .is(WebservErrorCode.CH_EMAIL_ALREADY_EXISTS));
  }

  @Test
  @DisplayName(
      "REST client on Payara, 3.3: brokerName and balance 0 sent, isLimitedRisk and unknown fields parsed")
  void restClientOpensTradingAccount() {
    standIn
        .next("3.3")
        .answer(
            201,
            "{\"login\":3105542,\"moneyDigits\":2,\"balance\":12345,\"isLimitedRisk\":true,"
                + "\"accountType\":\"NETTED\",\"unknownField\":1}");
    Trader trader =
        ctrader.openTradingAccount(
            TraderRequest.of("USD", "Retail_USD", "h", 10000, AccountType.HEDGED));
    assertEquals(3105542L, trader.login());
    assertEquals(new BigDecimal("123.45"), trader.money(trader.balance()));
    assertEquals(Boolean.TRUE, trader.isLimitedRisk());
    String body = standIn.journal("3.3").get(0).body().replace(" ", "");
    assertTrue(body.contains("\"brokerName\":\"ACMEFX\"") && body.contains("\"balance\":0"), body);
  }

  @Test
  @DisplayName(
      "REST client on Payara, 3.5: the error body becomes a rejection carrying NOT_ENOUGH_MONEY")
  void restClientNotEnoughMoney() {
    long login =
        ctrader
            .openTradingAccount(
                TraderRequest.of("USD", "Retail_USD", "h", 10000, AccountType.HEDGED))
            .login();
    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class, () -> ctrader.withdraw(login, new BigDecimal("10.50"), "W"));
    assertTrue(rejection.is(WebservErrorCode.NOT_ENOUGH_MONEY));
    String body = standIn.journal("3.5").get(0).body();
    assertTrue(body.replace(" ", "").contains("\"preciseAmount\":10.50"), body);
  }

  @Test
  @DisplayName(
      "REST client on Payara, 3.7, 3.9, 3.13: an empty answer, rules {} to clear, a PUT without body")
  void restClientEmptyAnswersAndBodies() {
    long userId =
        ctrader.createUser(
            CreateUserRequest.of("payara." + UUID.randomUUID() + "@example.org", null, "en"));
    assertTrue(ctrader.partnerOf(userId, null).isEmpty());
    ctrader.showRibbons(
        userId,
        List.of(
            Ribbon.of("#1f8efa", "KYC", false, RibbonAction.inApp("https://crm/kyc"))
                .forAccount(47710293L)));
    ctrader.showRibbons(userId, List.of());

    List<Request> ribbons = standIn.journal("3.9");
    String shown = ribbons.get(0).body().replace(" ", "");
    assertTrue(
        shown.contains("\"urlinApp\":\"https://crm/kyc\"")
            && shown.contains("\"ctidTraderAccountId\":\"47710293\""),
        shown);
    assertTrue(
        ribbons.get(1).body().replace(" ", "").contains("\"rules\":{}"), ribbons.get(1).body());
    ctrader.acceptAgreement(userId);
    Request accepted = standIn.journal("3.13").get(0);
    assertEquals("", accepted.body());
    assertFalse(accepted.query().isEmpty());
    assertEquals(200, accepted.status());
  }
}
