package org.brokersso.ctrader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.WebservErrorCode;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The broker's flows against any {@link CtraderBackend}: extended by the REST client against
 * cTrader's stand-in over HTTP ({@code RestCtraderBackendContractTest}) and by the sandbox in the
 * server ({@code InServerSandboxIT}), so the sandbox answers what the contract says cTrader
 * answers, and so does the stand-in the other tests fail on purpose.
 */
public abstract class CtraderBackendContract {

  /** MD5 of the spec's sample trader password {@code TraderPass#9}. */
  public static final String TRADER_PASSWORD_HASH = "fd51dddac79fd33c71f5901b9335d1a1";

  protected abstract CtraderBackend backend();

  /** The ribbons cTrader holds for the user after the calls so far. */
  protected abstract List<Ribbon> ribbonsShownTo(long userId);

  /** A user with two linked accounts (USD and EUR). */
  protected record Onboarded(
      String email, long userId, Trader usd, Trader eur, long usdAccount, long eurAccount) {}

  protected Onboarded onboard() {
    String email = "jane." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    long userId = backend().createUser(new CreateUserRequest(null, email, "Jane", null, "en"));
    backend().acceptAgreement(userId);
    Trader usd = backend().openTradingAccount(account("USD"));
    Trader eur = backend().openTradingAccount(account("EUR"));
    long usdAccount = backend().linkAccount(userId, usd.login(), TRADER_PASSWORD_HASH);
    long eurAccount = backend().linkAccount(userId, eur.login(), TRADER_PASSWORD_HASH);
    return new Onboarded(email, userId, usd, eur, usdAccount, eurAccount);
  }

  private static TraderRequest account(String currency) {
    return TraderRequest.of(
        currency, "Retail_" + currency, TRADER_PASSWORD_HASH, 50000, AccountType.HEDGED);
  }

  @Test
  @DisplayName("onboarding: a user (3.2, 3.13) with two trading accounts (3.3) linked to it (3.4)")
  void onboardsAUserWithTwoAccounts() {
    Onboarded jane = onboard();

    assertTrue(jane.userId() > 0);
    assertNotEquals(jane.usd().login(), jane.eur().login());
    assertNotEquals(jane.usdAccount(), jane.eurAccount());
    for (Trader trader : List.of(jane.usd(), jane.eur())) {
      assertEquals(2, trader.moneyDigits());
      assertEquals(0L, trader.balance());
      assertEquals(new BigDecimal("0.00"), trader.money(trader.balance()));
      assertEquals(50000, trader.leverageInCents());
      assertTrue(trader.brokerName() != null && trader.registrationTimestamp() > 0);
    }
    assertEquals("USD", jane.usd().depositCurrency());
    backend().acceptAgreement(jane.userId());
  }

  @Test
  @DisplayName(
      "3.2 refuses a taken email with CH_EMAIL_ALREADY_EXISTS, and 3.11 finds the existing user")
  void aTakenEmailIsRefusedAndFound() {
    Onboarded jane = onboard();
    CtraderRejection taken =
        assertThrows(
            CtraderRejection.class,
            () -> backend().createUser(CreateUserRequest.of(jane.email(), null, "en")));
    assertTrue(taken.is(WebservErrorCode.CH_EMAIL_ALREADY_EXISTS), taken.getMessage());
    assertEquals(jane.userId(), backend().findUserId(jane.email()).orElseThrow());
  }

  @Test
  @DisplayName(
      "3.5: deposit, withdraw, and a withdrawal beyond the balance refused with NOT_ENOUGH_MONEY")
  void depositAndWithdrawBeyondTheBalance() {
    long login = onboard().usd().login();

    long deposit = backend().deposit(login, new BigDecimal("250.75"), "PSP-1");
    long withdrawal = backend().withdraw(login, new BigDecimal("100.00"), "W-1");
    CtraderRejection refused =
        assertThrows(
            CtraderRejection.class,
            () -> backend().withdraw(login, new BigDecimal("150.76"), "W-2"));
    long rest = backend().withdraw(login, new BigDecimal("150.75"), "W-3");

    assertTrue(deposit > 0 && withdrawal > 0 && rest > 0);
    assertEquals(3, java.util.stream.LongStream.of(deposit, withdrawal, rest).distinct().count());
    assertTrue(refused.is(WebservErrorCode.NOT_ENOUGH_MONEY), refused.getMessage());
  }

  @Test
  @DisplayName(
      "3.5 refuses a non-positive amount (CHANGE_BALANCE_BAD_AMOUNT) and an unknown login (TRADER_NOT_FOUND)")
  void balanceChangeRefusals() {
    long login = onboard().usd().login();
    assertTrue(
        assertThrows(CtraderRejection.class, () -> backend().deposit(login, BigDecimal.ZERO, "Z"))
            .is(WebservErrorCode.CHANGE_BALANCE_BAD_AMOUNT));
    assertTrue(
        assertThrows(CtraderRejection.class, () -> backend().deposit(999L, BigDecimal.TEN, "X"))
            .is(WebservErrorCode.TRADER_NOT_FOUND));
  }

  @Test
  @DisplayName("3.3 refuses an unknown brokerName with CH_PLANT_INVALID")
  void anUnknownBrokerIsRefused() {
    TraderRequest elsewhere =
        new TraderRequest(
            null,
            AccountType.HEDGED,
            0L,
            "NO_SUCH_BROKER",
            "USD",
            "Retail_USD",
            TRADER_PASSWORD_HASH,
            10000,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertTrue(
        assertThrows(CtraderRejection.class, () -> backend().openTradingAccount(elsewhere))
            .is(WebservErrorCode.CH_PLANT_INVALID));
  }

  @Test
  @DisplayName("3.6-3.8: a partner is set on the user, read back, and removed")
  void setReadAndRemoveAPartner() {
    long userId = onboard().userId();
    assertTrue(backend().partnerOf(userId, null).isEmpty());

    backend().setPartner(userId, null, "IB-7781");
    assertEquals("IB-7781", backend().partnerOf(userId, null).orElseThrow().partnerId());

    backend().removePartner(userId, null);
    assertTrue(backend().partnerOf(userId, null).isEmpty());
  }

  @Test
  @DisplayName("3.9: ribbons are pushed (one per account, one general) and cleared")
  void pushAndClearRibbons() {
    Onboarded jane = onboard();
    List<Ribbon> ribbons =
        List.of(
            Ribbon.of(
                    "#1f8efa",
                    "Verify your identity",
                    false,
                    RibbonAction.inApp("https://crm.example.org/kyc/start"))
                .forAccount(jane.usdAccount()),
            Ribbon.of(
                "#22aa55",
                "Deposit bonus this week",
                true,
                RibbonAction.external("https://www.example.org/promo")));

    backend().showRibbons(jane.userId(), ribbons);
    assertEquals(ribbons, ribbonsShownTo(jane.userId()));

    backend().showRibbons(jane.userId(), List.of());
    assertEquals(List.of(), ribbonsShownTo(jane.userId()));
  }

  @Test
  @DisplayName("3.10: after an email change, 3.11 finds the user by the new address only")
  void changeEmail() {
    Onboarded jane = onboard();
    String changed = "changed." + jane.email();

    backend().changeEmail(jane.userId(), changed);

    assertEquals(jane.userId(), backend().findUserId(changed).orElseThrow());
    assertTrue(backend().findUserId(jane.email()).isEmpty());
  }

  @Test
  @DisplayName("3.12 logs a user out; redeeming an unknown in-app token is a 404")
  void logOutAndUnknownInAppToken() {
    backend().logOut(onboard().userId());
    assertEquals(
        404,
        assertThrows(CtraderRejection.class, () -> backend().redeemInAppToken("no-such-token"))
            .status());
  }
}
