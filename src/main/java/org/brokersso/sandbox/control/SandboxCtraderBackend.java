package org.brokersso.sandbox.control;

import static org.brokersso.ctrader.control.WebservErrorCode.CHANGE_BALANCE_BAD_AMOUNT;
import static org.brokersso.ctrader.control.WebservErrorCode.CH_BROKER_NOT_FOUND;
import static org.brokersso.ctrader.control.WebservErrorCode.CH_EMAIL_ALREADY_EXISTS;
import static org.brokersso.ctrader.control.WebservErrorCode.CH_PLANT_INVALID;
import static org.brokersso.ctrader.control.WebservErrorCode.CH_TRADER_ALREADY_LINKED;
import static org.brokersso.ctrader.control.WebservErrorCode.INVALID_REQUEST;
import static org.brokersso.ctrader.control.WebservErrorCode.NOT_ENOUGH_MONEY;
import static org.brokersso.ctrader.control.WebservErrorCode.TRADER_GROUP_NOT_FOUND;
import static org.brokersso.ctrader.control.WebservErrorCode.WRONG_PASSWORD;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.RedeemedInAppToken;
import org.brokersso.ctrader.entity.Referral;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.brokersso.sandbox.entity.SandboxBalanceChange;
import org.brokersso.sandbox.entity.SandboxCtidUser;
import org.brokersso.sandbox.entity.SandboxLink;
import org.brokersso.sandbox.entity.SandboxReferral;
import org.brokersso.sandbox.entity.SandboxRibbon;
import org.brokersso.sandbox.entity.SandboxTrader;

/**
 * SANDBOX: an in-process cTrader that keeps users, traders, links, balances, referrals and ribbons
 * in the product's database ({@code sandbox_*} tables) and answers like the real backend: ids of
 * cTrader's shape, money scaled by {@code moneyDigits}, the documented error codes. Each call runs
 * in a transaction of its own, so, like a remote system, what it did stays done whatever the
 * caller's transaction does next. Only {@code CtraderBackendSelector} hands it out, and only while
 * {@code ctrader.url} is unset.
 */
@ApplicationScoped
@Typed(SandboxCtraderBackend.class)
@Transactional(TxType.REQUIRES_NEW)
public class SandboxCtraderBackend implements CtraderBackend {

  @PersistenceContext EntityManager em;

  @Inject SandboxFinder find;
  @Inject SandboxIdentity identity;
  @Inject Clock clock;

  @Override
  public String mode() {
    return "sandbox";
  }

  @Override
  public long createUser(CreateUserRequest user) {
    if (user.email() == null || user.email().isBlank() || !user.email().contains("@")) {
      throw CtraderRejection.of(INVALID_REQUEST, "email is required");
    }
    if (user.email().toLowerCase(Locale.ROOT).endsWith("@privaterelay.appleid.com")) {
      throw CtraderRejection.of(
          INVALID_REQUEST, "Apple relay addresses are not supported (spec §1.6)");
    }
    String crm = user.brokerCrmName() == null ? identity.brokerCrmName() : user.brokerCrmName();
    if (!crm.equals(identity.brokerCrmName())) {
      throw CtraderRejection.of(CH_BROKER_NOT_FOUND, "Unknown brokerCrmName");
    }
    if (find.userByEmail(user.email()).isPresent()) {
      throw CtraderRejection.of(CH_EMAIL_ALREADY_EXISTS, "A cTrader user with this email exists");
    }
    SandboxCtidUser created =
        new SandboxCtidUser(
            crm,
            user.email(),
            user.firstName(),
            user.nickName(),
            user.preferredLanguage(),
            clock.instant());
    em.persist(created);
    em.flush();
    return created.userId();
  }

  @Override
  public void acceptAgreement(long userId) {
    find.user(userId).acceptAgreement(clock.instant());
  }

  @Override
  public Trader openTradingAccount(TraderRequest trader) {
    TraderRequest request = trader.forBroker(identity.brokerName());
    if (!request.brokerName().equals(identity.brokerName())) {
      throw CtraderRejection.of(
          CH_PLANT_INVALID, "No broker " + request.brokerName() + " on this plant");
    }
    if (request.depositCurrency() == null
        || request.hashedPassword() == null
        || request.leverageInCents() == null) {
      throw CtraderRejection.of(
          INVALID_REQUEST, "depositCurrency, hashedPassword and leverageInCents are required");
    }
    if (request.groupName() == null || request.groupName().isBlank()) {
      throw CtraderRejection.of(TRADER_GROUP_NOT_FOUND, "groupName is required");
    }
    SandboxTrader created =
        new SandboxTrader(request, MoneyDigits.of(request.depositCurrency()), clock.instant());
    em.persist(created);
    em.flush();
    return created.asTrader(request);
  }

  @Override
  public long linkAccount(long userId, long traderLogin, String traderPasswordHash) {
    SandboxTrader trader = find.trader(traderLogin);
    SandboxCtidUser user = find.user(userId);
    if (!trader.hasPasswordHash(traderPasswordHash)) {
      throw CtraderRejection.of(WRONG_PASSWORD, "traderPasswordHash does not match");
    }
    if (find.link(trader).isPresent()) {
      throw CtraderRejection.of(CH_TRADER_ALREADY_LINKED, "The trader is already linked");
    }
    SandboxLink link =
        new SandboxLink(
            SandboxCtidUser.idOf(user.userId()),
            trader.id(),
            identity.environmentName(),
            clock.instant());
    em.persist(link);
    em.flush();
    return link.ctidTraderAccountId();
  }

  @Override
  public long changeBalance(
      long traderLogin, BalanceChangeType type, BigDecimal amount, String externalId) {
    SandboxTrader trader = find.trader(traderLogin);
    long scaled = scaled(amount, trader.moneyDigits());
    if (!trader.covers(type, scaled)) {
      throw CtraderRejection.of(NOT_ENOUGH_MONEY, "Not enough money");
    }
    trader.apply(type, scaled);
    SandboxBalanceChange change =
        new SandboxBalanceChange(trader.id(), type, scaled, externalId, clock.instant());
    em.persist(change);
    em.flush();
    return change.balanceHistoryId();
  }

  @Override
  public void setPartner(long userId, Long ctidTraderAccountId, String partnerId) {
    if (partnerId == null || partnerId.isBlank()) {
      throw CtraderRejection.of(INVALID_REQUEST, "partnerId is required");
    }
    SandboxCtidUser user = find.user(userId);
    Long linkId = find.linkIdOf(user, ctidTraderAccountId);
    find.referral(user, linkId).ifPresent(em::remove);
    em.persist(
        new SandboxReferral(SandboxCtidUser.idOf(userId), linkId, partnerId, clock.instant()));
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Optional<Referral> partnerOf(long userId, Long ctidTraderAccountId) {
    SandboxCtidUser user = find.user(userId);
    Long linkId = find.linkIdOf(user, ctidTraderAccountId);
    return find.referral(user, linkId)
        .map(r -> new Referral(userId, ctidTraderAccountId, r.partnerId()));
  }

  @Override
  public void removePartner(long userId, Long ctidTraderAccountId) {
    SandboxCtidUser user = find.user(userId);
    Long linkId = find.linkIdOf(user, ctidTraderAccountId);
    find.referral(user, linkId).ifPresent(em::remove);
  }

  @Override
  public void showRibbons(long userId, List<Ribbon> ribbons) {
    long rowId = SandboxCtidUser.idOf(find.user(userId).userId());
    em.createNamedQuery(SandboxRibbon.CLEAR).setParameter("userId", rowId).executeUpdate();
    for (int i = 0; i < ribbons.size(); i++) {
      Ribbon ribbon = ribbons.get(i);
      if (ribbon.action() == null
          || (ribbon.action().urlExternal() == null) == (ribbon.action().urlinApp() == null)) {
        throw CtraderRejection.of(
            INVALID_REQUEST, "a ribbon's action needs exactly one of urlExternal and urlinApp");
      }
      em.persist(new SandboxRibbon(rowId, i, ribbon));
    }
  }

  /** Sandbox only: the ribbons cTrader would show the user now. */
  @Transactional(TxType.SUPPORTS)
  public List<Ribbon> ribbonsOf(long userId) {
    return em.createNamedQuery(SandboxRibbon.OF_USER, SandboxRibbon.class)
        .setParameter("userId", SandboxCtidUser.idOf(userId))
        .getResultStream()
        .map(SandboxRibbon::asRibbon)
        .toList();
  }

  /** Sandbox only: the trading account as it stands. */
  @Transactional(TxType.SUPPORTS)
  public Optional<Trader> tradingAccount(long login) {
    return Optional.ofNullable(em.find(SandboxTrader.class, SandboxTrader.idOf(login)))
        .map(t -> t.asTrader(null));
  }

  @Override
  public void changeEmail(long userId, String newEmail) {
    SandboxCtidUser user = find.user(userId);
    Optional<SandboxCtidUser> holder = find.userByEmail(newEmail);
    if (holder.isPresent() && holder.get() != user) {
      throw CtraderRejection.of(CH_EMAIL_ALREADY_EXISTS, "A cTrader user with this email exists");
    }
    user.changeEmail(newEmail);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public OptionalLong findUserId(String email) {
    return find.userByEmail(email)
        .map(u -> OptionalLong.of(u.userId()))
        .orElse(OptionalLong.empty());
  }

  @Override
  public void logOut(long userId) {
    find.user(userId).logOut(clock.instant());
  }

  @Override
  public RedeemedInAppToken redeemInAppToken(String token) {
    // the sandbox's cTrader hands out no in-app tokens, so none can be redeemed (the spec's 404)
    throw new CtraderRejection(404, null, "Token not found, expired or already used");
  }

  /**
   * The amount in the account's smallest unit; positive and no finer than moneyDigits, or refused.
   */
  private static long scaled(BigDecimal amount, int moneyDigits) {
    if (amount == null || amount.signum() <= 0) {
      throw CtraderRejection.of(CHANGE_BALANCE_BAD_AMOUNT, "preciseAmount must be positive");
    }
    try {
      return amount.movePointRight(moneyDigits).setScale(0).longValueExact();
    } catch (ArithmeticException e) {
      throw CtraderRejection.of(
          CHANGE_BALANCE_BAD_AMOUNT, "preciseAmount has more decimals than the currency allows");
    }
  }
}
