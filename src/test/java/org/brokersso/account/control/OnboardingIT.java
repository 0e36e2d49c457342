package org.brokersso.account.control;

import static org.brokersso.account.control.FailingCtraderBackend.Call.ACCEPT_AGREEMENT;
import static org.brokersso.account.control.FailingCtraderBackend.Call.CREATE_USER;
import static org.brokersso.account.control.FailingCtraderBackend.Call.LINK_ACCOUNT;
import static org.brokersso.account.control.FailingCtraderBackend.Call.OPEN_TRADING_ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import org.brokersso.Deployments;
import org.brokersso.account.entity.AccountTerms;
import org.brokersso.account.entity.Applicant;
import org.brokersso.account.entity.OpeningStage;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.CtraderUnreachable;
import org.brokersso.ctrader.entity.AccountType;
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
 * The onboarding saga inside the server, against the sandbox with failures injected after each step
 * in turn: a retry completes it with exactly one cTrader user and one trading account.
 */
@ExtendWith(ArquillianExtension.class)
class OnboardingIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(
        OnboardingIT.class, FailingCtraderBackend.class, FailingCtraderBackend.Call.class);
  }

  private static final Applicant JANE = new Applicant("Jane", "en", true);
  private static final AccountTerms USD =
      new AccountTerms("USD", "Retail_USD", 50000, AccountType.HEDGED);

  @Inject Onboarding onboarding;
  @Inject FailingCtraderBackend ctrader;
  @Inject SandboxCtraderBackend sandbox;
  @Inject Users users;
  @Inject UserTransaction tx;

  private String email;
  private long userId;

  @BeforeEach
  void aNewBrokerUser() throws Exception {
    ctrader.reset();
    email = "onboard." + UUID.randomUUID() + "@example.org";
    tx.begin();
    userId = users.register(null, email).id();
    tx.commit();
  }

  @Test
  @DisplayName(
      "without failures: one call of each step, the account linked to the user cTrader knows by the email")
  void onboardsInOneGo() {
    TraderAccount account = onboarding.open(userId, JANE, USD);

    assertOnboardedOnce(account);
    assertEquals(1, ctrader.acted(ACCEPT_AGREEMENT));
  }

  @Test
  @DisplayName("3.2 refused: the retry creates the user and the rest")
  void createUserRefused() {
    failsThenCompletes(() -> ctrader.refuseNext(CREATE_USER), CtraderRejection.class);
  }

  @Test
  @DisplayName(
      "3.2's answer lost: the retry meets CH_EMAIL_ALREADY_EXISTS and recovers the userId through 3.11")
  void createUserAnswerLost() {
    failsThenCompletes(() -> ctrader.loseAnswerOfNext(CREATE_USER), CtraderUnreachable.class);
  }

  @Test
  @DisplayName("3.13 refused, then 3.13's answer lost: the retries confirm the agreement and go on")
  void agreementFails() {
    failsThenCompletes(() -> ctrader.refuseNext(ACCEPT_AGREEMENT), CtraderRejection.class);
    TraderAccount second = onboarding.request(userId, JANE, USD);
    assertEquals(1, ctrader.acted(ACCEPT_AGREEMENT), "the agreement is confirmed once per user");
    assertTrue(onboarding.complete(second.id()).isLinked());
  }

  @Test
  @DisplayName("3.13's answer lost: repeating it is harmless")
  void agreementAnswerLost() {
    failsThenCompletes(() -> ctrader.loseAnswerOfNext(ACCEPT_AGREEMENT), CtraderUnreachable.class);
  }

  @Test
  @DisplayName("3.3 refused: nothing was opened, so the retry sends 3.3 again and links")
  void openTradingAccountRefused() {
    failsThenCompletes(() -> ctrader.refuseNext(OPEN_TRADING_ACCOUNT), CtraderRejection.class);
  }

  @Test
  @DisplayName("3.4 refused: the retry links the trader already opened, without opening another")
  void linkRefused() {
    failsThenCompletes(() -> ctrader.refuseNext(LINK_ACCOUNT), CtraderRejection.class);
  }

  @Test
  @DisplayName("3.3's answer lost: the saga stops in doubt instead of opening a second account")
  void openTradingAccountAnswerLost() {
    ctrader.loseAnswerOfNext(OPEN_TRADING_ACCOUNT);
    TraderAccount requested = onboarding.request(userId, JANE, USD);
    assertThrows(CtraderUnreachable.class, () -> onboarding.complete(requested.id()));

    assertThrows(OnboardingInDoubt.class, () -> onboarding.complete(requested.id()));

    assertEquals(1, ctrader.acted(OPEN_TRADING_ACCOUNT));
    assertEquals(
        List.of(requested.id()),
        onboarding.unfinished().stream()
            .filter(a -> a.userId() == userId)
            .map(TraderAccount::id)
            .toList());
    assertEquals(2, onboarding.accountsOf(userId).get(0).attempts());
  }

  @Test
  @DisplayName("a second account for the same user reuses its cTrader user")
  void twoAccountsOneUser() {
    TraderAccount first = onboarding.open(userId, JANE, USD);
    TraderAccount second =
        onboarding.open(
            userId, JANE, new AccountTerms("EUR", "Retail_EUR", 10000, AccountType.NETTED));

    assertEquals(1, ctrader.acted(CREATE_USER));
    assertEquals(2, ctrader.acted(LINK_ACCOUNT));
    assertNotEquals(first.ctidTraderAccountId(), second.ctidTraderAccountId());
    assertEquals(2, onboarding.accountsOf(userId).size());
    assertEquals(
        first.ctidTraderAccountId(), onboarding.complete(first.id()).ctidTraderAccountId());
    assertEquals(2, ctrader.acted(LINK_ACCOUNT), "completing a linked account calls nothing");
  }

  private void failsThenCompletes(
      Runnable injectFailure, Class<? extends CtraderFailure> expected) {
    injectFailure.run();
    TraderAccount requested = onboarding.request(userId, JANE, USD);
    assertThrows(expected, () -> onboarding.complete(requested.id()));
    assertTrue(onboarding.unfinished().stream().anyMatch(a -> a.id() == requested.id()));

    TraderAccount account = onboarding.complete(requested.id());

    assertOnboardedOnce(account);
    assertEquals(1, onboarding.accountsOf(userId).get(0).attempts(), "the failure is recorded");
  }

  private void assertOnboardedOnce(TraderAccount account) {
    long ctidUserId = users.byId(userId).orElseThrow().ctidUserId();
    assertEquals(
        ctidUserId,
        sandbox.findUserId(email).orElseThrow(),
        "the user cTrader knows by this email");
    assertEquals(1, ctrader.acted(CREATE_USER), "one cTrader user");
    assertEquals(1, ctrader.acted(OPEN_TRADING_ACCOUNT), "one trading account");
    assertEquals(1, ctrader.acted(LINK_ACCOUNT), "one link");
    assertEquals(OpeningStage.LINKED, account.stage());
    assertTrue(sandbox.tradingAccount(account.traderLogin()).isPresent());
    assertEquals(1, onboarding.accountsOf(userId).size());
    assertEquals(
        null, account.traderPasswordHash(), "the trader password hash is dropped once linked");
  }
}
