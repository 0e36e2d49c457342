package org.brokersso.account.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.CtraderUnreachable;
import org.brokersso.ctrader.control.WebservErrorCode;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.RedeemedInAppToken;
import org.brokersso.ctrader.entity.Referral;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.brokersso.sandbox.control.SandboxCtraderBackend;

/**
 * Test only, deployed with {@code OnboardingIT} and {@code RibbonPublisherIT}: the sandbox, with
 * one failure injected on demand, either before a call acts (cTrader refuses it) or after it acted
 * (the answer is lost). It counts the calls that acted, as WireMock would count requests. Being an
 * enabled alternative, it replaces the selector's backend for the whole test deployment.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class FailingCtraderBackend implements CtraderBackend {

  public enum Call {
    CREATE_USER,
    ACCEPT_AGREEMENT,
    OPEN_TRADING_ACCOUNT,
    LINK_ACCOUNT,
    SHOW_RIBBONS
  }

  @Inject SandboxCtraderBackend sandbox;

  private volatile Call failBefore;
  private volatile Call failAfter;
  private final Map<Call, AtomicInteger> acted = new ConcurrentHashMap<>();

  public void reset() {
    failBefore = null;
    failAfter = null;
    acted.clear();
  }

  /** The next such call is refused by cTrader (UNKNOWN_ERROR) without acting. */
  public void refuseNext(Call call) {
    failBefore = call;
  }

  /** The next such call acts, and its answer is lost (time-out). */
  public void loseAnswerOfNext(Call call) {
    failAfter = call;
  }

  public int acted(Call call) {
    return acted.getOrDefault(call, new AtomicInteger()).get();
  }

  private <T> T call(Call call, Supplier<T> action) {
    if (call == failBefore) {
      failBefore = null;
      throw CtraderRejection.of(WebservErrorCode.UNKNOWN_ERROR, "injected before " + call);
    }
    T result = action.get();
    acted.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
    if (call == failAfter) {
      failAfter = null;
      throw new CtraderUnreachable("injected: the answer of " + call + " was lost", null);
    }
    return result;
  }

  @Override
  public String mode() {
    return "sandbox (failing on demand)";
  }

  @Override
  public long createUser(CreateUserRequest user) {
    return call(Call.CREATE_USER, () -> sandbox.createUser(user));
  }

  @Override
  public void acceptAgreement(long userId) {
    call(
        Call.ACCEPT_AGREEMENT,
        () -> {
          sandbox.acceptAgreement(userId);
          return null;
        });
  }

  @Override
  public Trader openTradingAccount(TraderRequest trader) {
    return call(Call.OPEN_TRADING_ACCOUNT, () -> sandbox.openTradingAccount(trader));
  }

  @Override
  public long linkAccount(long userId, long traderLogin, String traderPasswordHash) {
    return call(
        Call.LINK_ACCOUNT, () -> sandbox.linkAccount(userId, traderLogin, traderPasswordHash));
  }

  @Override
  public long changeBalance(
      long traderLogin, BalanceChangeType type, BigDecimal amount, String externalId) {
    return sandbox.changeBalance(traderLogin, type, amount, externalId);
  }

  @Override
  public void setPartner(long userId, Long ctidTraderAccountId, String partnerId) {
    sandbox.setPartner(userId, ctidTraderAccountId, partnerId);
  }

  @Override
  public Optional<Referral> partnerOf(long userId, Long ctidTraderAccountId) {
    return sandbox.partnerOf(userId, ctidTraderAccountId);
  }

  @Override
  public void removePartner(long userId, Long ctidTraderAccountId) {
    sandbox.removePartner(userId, ctidTraderAccountId);
  }

  @Override
  public void showRibbons(long userId, List<Ribbon> ribbons) {
    call(
        Call.SHOW_RIBBONS,
        () -> {
          sandbox.showRibbons(userId, ribbons);
          return null;
        });
  }

  @Override
  public void changeEmail(long userId, String newEmail) {
    sandbox.changeEmail(userId, newEmail);
  }

  @Override
  public OptionalLong findUserId(String email) {
    return sandbox.findUserId(email);
  }

  @Override
  public void logOut(long userId) {
    sandbox.logOut(userId);
  }

  @Override
  public RedeemedInAppToken redeemInAppToken(String token) {
    return sandbox.redeemInAppToken(token);
  }
}
