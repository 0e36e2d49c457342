package org.brokersso.funding.control;

import static org.brokersso.funding.control.BalanceFailures.Failure.ANSWER_LOST;
import static org.brokersso.funding.control.BalanceFailures.Failure.REFUSED;
import static org.brokersso.funding.control.BalanceFailures.Failure.UNREACHABLE_BEFORE_ACTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import org.brokersso.Deployments;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.AccountTerms;
import org.brokersso.account.entity.Applicant;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditOutcome;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.funding.entity.MovementState;
import org.brokersso.sandbox.control.SandboxCtraderBackend;
import org.brokersso.user.control.Users;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deposits and withdrawals inside the server, against the sandbox cTrader and payment provider,
 * with call 3.5 failing on demand: every movement books exactly once, or waits, or stops in doubt
 * without sending anything again, and the balance the client area shows follows cTrader's.
 */
@ExtendWith(ArquillianExtension.class)
class DepositsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(
        DepositsIT.class,
        BalanceFailures.class,
        BalanceFailures.Failure.class,
        BalanceFailures.Booked.class,
        FundingAudit.class);
  }

  private static final Applicant JANE = new Applicant("Jane", "en", true);
  private static final AccountTerms USD =
      new AccountTerms("USD", "Retail_USD", 50000, AccountType.HEDGED);
  private static final SandboxOutcome APPROVE = SandboxOutcome.APPROVE;
  private static final SandboxOutcome DECLINE = SandboxOutcome.DECLINE;

  @Inject Deposits deposits;
  @Inject Withdrawals withdrawals;
  @Inject UnfinishedMovements unfinished;
  @Inject MoneyMovements movements;
  @Inject BalanceFailures ctrader;
  @Inject SandboxCtraderBackend sandbox;
  @Inject Onboarding onboarding;
  @Inject Users users;
  @Inject FundingAudit audit;
  @Inject UserTransaction tx;

  private long userId;
  private long login;

  @BeforeEach
  void aTraderWithALinkedAccount() throws Exception {
    ctrader.reset();
    userId = newUser();
    login = onboarding.open(userId, JANE, USD).traderLogin();
  }

  @Test
  @DisplayName(
      "an approved deposit is credited once with dep-<id>; cTrader's balance and the client area's rise by the amount")
  void approvedDepositIsCreditedOnce() {
    MoneyMovement deposit =
        moved(deposits.deposit(userId, login, new BigDecimal("250.75"), key(), APPROVE));

    assertEquals(MovementState.CREDITED, deposit.state());
    List<BalanceFailures.Booked> credits = ctrader.booked("dep-" + deposit.id());
    assertEquals(1, credits.size(), "one 3.5");
    assertEquals(BalanceChangeType.DEPOSIT, credits.get(0).type());
    assertEquals(credits.get(0).balanceHistoryId(), deposit.balanceHistoryId());
    assertNotNull(deposit.paymentReference());
    assertBalances("250.75");
    assertInstanceOf(FundingResult.Moved.class, deposits.complete(deposit.id()));
    assertEquals(
        1,
        ctrader.booked("dep-" + deposit.id()).size(),
        "completing a credited deposit sends nothing");
    assertTrue(
        audit.count(userId, AuditAction.DEPOSIT, AuditOutcome.SUCCESS) >= 4,
        "requested, approved, sent, credited");
  }

  @Test
  @DisplayName("a declined payment books nothing")
  void declinedDepositBooksNothing() {
    FundingResult.Refused refused =
        assertInstanceOf(
            FundingResult.Refused.class,
            deposits.deposit(userId, login, new BigDecimal("100"), key(), DECLINE));

    assertEquals(FundingReason.PAYMENT_DECLINED, refused.reason());
    assertEquals(MovementState.PAYMENT_DECLINED, refused.movement().state());
    assertEquals(List.of(), ctrader.booked("dep-" + refused.movement().id()));
    assertBalances("0");
  }

  @Test
  @DisplayName(
      "the same request key twice (a double click) is one deposit and one 3.5; another request under that key is refused")
  void doubleClickIsOneDeposit() {
    String key = key();
    MoneyMovement first =
        moved(deposits.deposit(userId, login, new BigDecimal("100"), key, APPROVE));
    MoneyMovement second =
        moved(deposits.deposit(userId, login, new BigDecimal("100.00"), key, APPROVE));

    assertEquals(first.id(), second.id());
    assertEquals(1, ctrader.booked("dep-" + first.id()).size());
    assertBalances("100");
    assertEquals(
        FundingReason.REQUEST_KEY_REUSED,
        refusal(deposits.deposit(userId, login, new BigDecimal("200"), key, APPROVE)));
    assertEquals(
        FundingReason.REQUEST_KEY_REUSED,
        refusal(withdrawals.withdraw(userId, login, new BigDecimal("100"), key, APPROVE)));
  }

  @Test
  @DisplayName("two requests with the same key at the same moment: one deposit, one 3.5")
  void concurrentDoubleClickIsOneDeposit() throws Exception {
    String key = key();
    CountDownLatch start = new CountDownLatch(1);
    Callable<FundingResult> click =
        () -> {
          start.await();
          return deposits.deposit(userId, login, new BigDecimal("100"), key, APPROVE);
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
    assertEquals(1, ctrader.booked("dep-" + first.id()).size());
    assertBalances("100");
  }

  @Test
  @DisplayName(
      "cTrader refuses the credit: the deposit waits at PAYMENT_APPROVED, and complete credits it once")
  void refusedCreditIsCompleted() {
    FundingResult.Unfinished waiting =
        unfinished(
            deposits.deposit(
                userId, login, new BigDecimal("75.10"), key(), approveFailing(REFUSED, "dep-")));

    assertEquals(FundingReason.CTRADER_UNAVAILABLE, waiting.reason());
    long id = waiting.movement().id();
    assertEquals(MovementState.PAYMENT_APPROVED, waiting.movement().state());
    assertTrue(unfinished.all().stream().anyMatch(m -> m.id() == id));
    assertEquals(List.of(), ctrader.booked("dep-" + id));
    assertBalances("0");

    assertEquals(MovementState.CREDITED, moved(deposits.complete(id)).state());
    assertEquals(1, ctrader.booked("dep-" + id).size());
    assertBalances("75.10");
    assertTrue(unfinished.all().stream().noneMatch(m -> m.id() == id));
  }

  @Test
  @DisplayName(
      "no answer to the credit, though cTrader did not act: in doubt, complete resends nothing; 'not booked' lets it credit once")
  void unansweredCreditIsInDoubtUntilSettled() {
    FundingResult.Unfinished doubt =
        unfinished(
            deposits.deposit(
                userId,
                login,
                new BigDecimal("60"),
                key(),
                approveFailing(UNREACHABLE_BEFORE_ACTING, "dep-")));
    long id = doubt.movement().id();
    assertEquals(FundingReason.IN_DOUBT, doubt.reason());
    assertEquals(MovementState.CREDIT_IN_DOUBT, doubt.movement().state());

    assertEquals(FundingReason.IN_DOUBT, unfinished(deposits.complete(id)).reason());
    assertEquals(List.of(), ctrader.booked("dep-" + id), "nothing is sent while in doubt");

    assertEquals(
        FundingReason.CTRADER_UNAVAILABLE, unfinished(unfinished.notBooked(id, "alice")).reason());
    assertEquals(MovementState.CREDITED, moved(deposits.complete(id)).state());
    assertEquals(1, ctrader.booked("dep-" + id).size());
    assertBalances("60");
  }

  @Test
  @DisplayName(
      "the credit's answer is lost: in doubt, complete does not resend; the operator's 'booked' finishes it")
  void lostCreditAnswerIsNeverResent() {
    FundingResult.Unfinished doubt =
        unfinished(
            deposits.deposit(
                userId,
                login,
                new BigDecimal("40.50"),
                key(),
                approveFailing(ANSWER_LOST, "dep-")));
    long id = doubt.movement().id();
    assertEquals(MovementState.CREDIT_IN_DOUBT, doubt.movement().state());
    assertEquals(1, ctrader.booked("dep-" + id).size());

    assertEquals(FundingReason.IN_DOUBT, unfinished(deposits.complete(id)).reason());
    assertEquals(FundingReason.IN_DOUBT, unfinished(unfinished.complete(id)).reason());
    assertEquals(1, ctrader.booked("dep-" + id).size(), "3.5 is not idempotent: never sent twice");
    assertEquals(new BigDecimal("40.50"), cTraderBalance());

    long balanceHistoryId = ctrader.booked("dep-" + id).get(0).balanceHistoryId();
    MoneyMovement settled = moved(unfinished.booked(id, balanceHistoryId, "alice"));
    assertEquals(balanceHistoryId, settled.balanceHistoryId());
    assertBalances("40.50");
  }

  @Test
  @DisplayName("a withdrawal within the balance is debited once with wdr-<id>, then paid out")
  void withdrawalIsDebitedThenPaidOut() {
    moved(deposits.deposit(userId, login, new BigDecimal("500"), key(), APPROVE));

    MoneyMovement withdrawal =
        moved(withdrawals.withdraw(userId, login, new BigDecimal("200.25"), key(), APPROVE));

    assertEquals(MovementState.PAID_OUT, withdrawal.state());
    List<BalanceFailures.Booked> debits = ctrader.booked("wdr-" + withdrawal.id());
    assertEquals(1, debits.size());
    assertEquals(BalanceChangeType.WITHDRAW, debits.get(0).type());
    assertNotNull(withdrawal.paymentReference(), "paid out");
    assertBalances("299.75");
  }

  @Test
  @DisplayName("a withdrawal beyond the balance: NOT_ENOUGH_MONEY, nothing debited, no payout")
  void withdrawalBeyondTheBalanceIsRefused() {
    moved(deposits.deposit(userId, login, new BigDecimal("100"), key(), APPROVE));

    FundingResult.Refused refused =
        assertInstanceOf(
            FundingResult.Refused.class,
            withdrawals.withdraw(userId, login, new BigDecimal("150"), key(), APPROVE));

    assertEquals(FundingReason.NOT_ENOUGH_MONEY, refused.reason());
    assertEquals(MovementState.REFUSED_NOT_ENOUGH_MONEY, refused.movement().state());
    assertEquals(List.of(), ctrader.booked("wdr-" + refused.movement().id()));
    assertNull(refused.movement().paymentReference(), "no payout was started");
    assertBalances("100");
    assertEquals(1, audit.count(userId, AuditAction.WITHDRAWAL, AuditOutcome.REFUSED));
  }

  @Test
  @DisplayName("a declined payout is re-credited exactly once with wdr-rev-<id>")
  void declinedPayoutIsReversedOnce() {
    moved(deposits.deposit(userId, login, new BigDecimal("500"), key(), APPROVE));

    FundingResult.Refused reversed =
        assertInstanceOf(
            FundingResult.Refused.class,
            withdrawals.withdraw(userId, login, new BigDecimal("200"), key(), DECLINE));

    long id = reversed.movement().id();
    assertEquals(FundingReason.PAYOUT_DECLINED, reversed.reason());
    assertEquals(MovementState.REVERSED, reversed.movement().state());
    assertEquals(1, ctrader.booked("wdr-" + id).size());
    List<BalanceFailures.Booked> reversals = ctrader.booked("wdr-rev-" + id);
    assertEquals(1, reversals.size());
    assertEquals(BalanceChangeType.DEPOSIT, reversals.get(0).type());
    assertEquals(reversals.get(0).balanceHistoryId(), reversed.movement().reversalHistoryId());
    assertBalances("500");
    withdrawals.complete(id);
    assertEquals(
        1,
        ctrader.booked("wdr-rev-" + id).size(),
        "completing a reversed withdrawal sends nothing");
  }

  @Test
  @DisplayName(
      "a declined payout whose re-credit is refused waits at PAYOUT_FAILED; complete re-credits once")
  void refusedReversalIsCompleted() {
    moved(deposits.deposit(userId, login, new BigDecimal("500"), key(), APPROVE));
    ctrader.failNext(REFUSED, "wdr-rev-");

    FundingResult.Unfinished waiting =
        unfinished(withdrawals.withdraw(userId, login, new BigDecimal("120"), key(), DECLINE));

    long id = waiting.movement().id();
    assertEquals(MovementState.PAYOUT_FAILED, waiting.movement().state());
    assertEquals(FundingReason.PAYOUT_DECLINED, waiting.reason());
    assertBalances("380");
    assertEquals(
        MovementState.REVERSED,
        assertInstanceOf(FundingResult.Refused.class, withdrawals.complete(id)).movement().state());
    assertEquals(1, ctrader.booked("wdr-rev-" + id).size());
    assertBalances("500");
  }

  @Test
  @DisplayName(
      "a deposit above the KYC threshold is refused without approved KYC; at the threshold it goes through")
  void largeDepositsNeedKyc() {
    String key = key();
    assertEquals(
        FundingReason.KYC_REQUIRED,
        refusal(deposits.deposit(userId, login, new BigDecimal("1000.01"), key, APPROVE)));
    assertTrue(movements.byRequestKey(key).isEmpty(), "nothing recorded");
    assertEquals(1, audit.count(userId, AuditAction.DEPOSIT, AuditOutcome.REFUSED));

    moved(deposits.deposit(userId, login, new BigDecimal("1000"), key, APPROVE));
    assertBalances("1000");
  }

  @Test
  @DisplayName(
      "another user's account, an unknown one, or an amount out of bounds is refused before anything happens")
  void foreignAccountsAndBadAmountsAreRefused() throws Exception {
    long stranger = newUser();
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
        sandbox.tradingAccount(strangersLogin).map(t -> t.money(t.balance())).orElseThrow());
  }

  private long newUser() throws Exception {
    tx.begin();
    long id = users.register(null, "funding." + UUID.randomUUID() + "@example.org").id();
    tx.commit();
    return id;
  }

  /** The sandbox's choice, and the failure of the next 3.5 with that prefix. */
  private SandboxOutcome approveFailing(BalanceFailures.Failure failure, String prefix) {
    ctrader.failNext(failure, prefix);
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

  private BigDecimal cTraderBalance() {
    Trader trader = sandbox.tradingAccount(login).orElseThrow();
    return trader.money(trader.balance());
  }

  /**
   * cTrader's balance and the one the client area shows (TraderAccount) are both {@code expected}.
   */
  private void assertBalances(String expected) {
    BigDecimal amount = new BigDecimal(expected).setScale(2);
    assertEquals(amount, cTraderBalance(), "cTrader's balance");
    assertEquals(
        amount,
        onboarding.accountsOf(userId).get(0).balance(),
        "the balance the client area shows");
  }
}
