package org.brokersso.ctrader.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.RedeemedInAppToken;
import org.brokersso.ctrader.entity.Referral;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;

/**
 * What the product asks of cTrader's backend (Spotware section 3), in the broker's words. The one
 * injectable implementation comes from {@link CtraderBackendSelector}: the REST client when {@code
 * ctrader.url} is set, the sandbox otherwise. Both answer alike: same ids, same scaling, same error
 * codes (the scenario suite {@code CtraderBackendContract} runs against both).
 *
 * <p>Guarantees: every failure is a {@link CtraderFailure}; a {@link CtraderRejection} (the backend
 * answered with an error code) means nothing was done. A call that changes something is sent at
 * most once, except that it is repeated after a rejection that proves it was not carried out (an
 * expired manager token, REQUEST_FREQUENCY_EXCEEDED); reads may be repeated on time-outs. Broker
 * identifiers ({@code brokerCrmName}, {@code brokerName}) come from configuration unless the
 * request names a {@code brokerName} of its own (a white label). Ids are cTrader's {@code long}s.
 */
public interface CtraderBackend {

  /** Which implementation answers: "rest" or "sandbox". */
  String mode();

  /** 3.2: creates the cTID user; CH_EMAIL_ALREADY_EXISTS when the email is taken. */
  long createUser(CreateUserRequest user);

  /** 3.13: records that the user accepted the broker's agreement. Repeating it is harmless. */
  void acceptAgreement(long userId);

  /**
   * 3.3: opens a trading account (a "trader"); the answer carries its {@code login} and {@code
   * moneyDigits}.
   */
  Trader openTradingAccount(TraderRequest trader);

  /** 3.4: links the trading account to the user; answers the {@code ctidTraderAccountId}. */
  long linkAccount(long userId, long traderLogin, String traderPasswordHash);

  /** 3.5: books a balance or credit change; answers the {@code balanceHistoryId}. */
  long changeBalance(
      long traderLogin, BalanceChangeType type, BigDecimal amount, String externalId);

  /** 3.5 DEPOSIT, after the payment succeeded. */
  default long deposit(long traderLogin, BigDecimal amount, String externalId) {
    return changeBalance(traderLogin, BalanceChangeType.DEPOSIT, amount, externalId);
  }

  /** 3.5 WITHDRAW, before paying out; NOT_ENOUGH_MONEY when the balance does not cover it. */
  default long withdraw(long traderLogin, BigDecimal amount, String externalId) {
    return changeBalance(traderLogin, BalanceChangeType.WITHDRAW, amount, externalId);
  }

  /** 3.5 DEPOSIT_NONWITHDRAWABLE_BONUS. */
  default long addCredit(long traderLogin, BigDecimal amount, String externalId) {
    return changeBalance(
        traderLogin, BalanceChangeType.DEPOSIT_NONWITHDRAWABLE_BONUS, amount, externalId);
  }

  /** 3.5 WITHDRAW_NONWITHDRAWABLE_BONUS. */
  default long removeCredit(long traderLogin, BigDecimal amount, String externalId) {
    return changeBalance(
        traderLogin, BalanceChangeType.WITHDRAW_NONWITHDRAWABLE_BONUS, amount, externalId);
  }

  /**
   * 3.6: registers a partner on the user, or on one of its accounts when {@code
   * ctidTraderAccountId} is given.
   */
  void setPartner(long userId, Long ctidTraderAccountId, String partnerId);

  /** 3.7: the partner registered on the user (or the account); empty when there is none. */
  Optional<Referral> partnerOf(long userId, Long ctidTraderAccountId);

  /**
   * 3.8: removes the user-level partner, or the account-level one when {@code ctidTraderAccountId}
   * is given.
   */
  void removePartner(long userId, Long ctidTraderAccountId);

  /** 3.9: replaces the user's ribbons; an empty list clears them. */
  void showRibbons(long userId, List<Ribbon> ribbons);

  /** 3.10: keeps cTrader's copy of the user's email in step with the CRM's. */
  void changeEmail(long userId, String newEmail);

  /** 3.11: the cTID user with this email, if any. */
  OptionalLong findUserId(String email);

  /** 3.12: logs the user out of every cTrader application. */
  void logOut(long userId);

  /** Redeems a one-time token cTrader put in an in-app page's URL (spec §3). */
  RedeemedInAppToken redeemInAppToken(String token);
}
