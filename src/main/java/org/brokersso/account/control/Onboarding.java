package org.brokersso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import org.brokersso.account.entity.AccountTerms;
import org.brokersso.account.entity.Applicant;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.Md5Hash;
import org.brokersso.ctrader.control.WebservErrorCode;
import org.brokersso.ctrader.entity.ContactDetails;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.brokersso.user.entity.User;

/**
 * The onboarding saga, the one service the screens call: create the cTrader user (3.2) → confirm
 * the agreement (3.13, when accepted) → open the trading account (3.3) → link it (3.4).
 *
 * <p>Guarantee: {@link #complete} may be called again after any failure and resumes where the last
 * attempt stopped, with at most one cTrader user per broker user and at most one trading account
 * per request. Each step is recorded ({@link AccountOpenings}) before the next call goes out; a 3.2
 * whose answer was lost is recovered on retry from CH_EMAIL_ALREADY_EXISTS through 3.11; 3.13 is
 * harmless to repeat; 3.4 cannot link a trader twice. Only a 3.3 without answer cannot be repeated
 * safely, and stops the saga with {@link OnboardingInDoubt}.
 */
@ApplicationScoped
@Transactional(
    TxType.NOT_SUPPORTED) // never hold a database transaction open across a call to cTrader
public class Onboarding {

  private static final Logger LOG = Logger.getLogger(Onboarding.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AccountOpenings openings;
  @Inject CtraderBackend ctrader;
  @Inject Clock clock;

  /** Records the request and runs the saga to its end; on failure, retry with {@link #complete}. */
  public TraderAccount open(long userId, Applicant applicant, AccountTerms terms) {
    return complete(request(userId, applicant, terms).id());
  }

  /**
   * Records a request for a trading account, with a fresh trader password only cTrader sees (as
   * MD5).
   */
  public TraderAccount request(long userId, Applicant applicant, AccountTerms terms) {
    byte[] password = new byte[24];
    RANDOM.nextBytes(password);
    return openings.request(
        userId, applicant, terms, Md5Hash.of(Base64.getEncoder().encodeToString(password)));
  }

  /** Runs the steps still missing; answers the linked account. */
  public TraderAccount complete(long accountId) {
    TraderAccount account = openings.find(accountId);
    if (account.isLinked()) {
      return account;
    }
    try {
      User user = openings.user(account.userId());
      long ctidUserId = user.ctidUserId() != null ? user.ctidUserId() : ctidUserOf(user, account);
      if (account.acceptsAgreement() && !user.hasAcceptedAgreement()) {
        ctrader.acceptAgreement(ctidUserId);
        openings.agreementAccepted(user.id());
      }
      if (account.traderLogin() == null) {
        account = openTrader(account, user);
      }
      long ctidTraderAccountId =
          ctrader.linkAccount(ctidUserId, account.traderLogin(), account.traderPasswordHash());
      TraderAccount linked =
          openings.record(accountId, a -> a.linked(ctidTraderAccountId, clock.instant()));
      LOG.info(
          () ->
              "Trading account "
                  + linked.traderLogin()
                  + " of user "
                  + user.id()
                  + " opened and linked");
      return linked;
    } catch (CtraderFailure | OnboardingInDoubt failure) {
      openings.record(accountId, a -> a.failed(failure.getMessage(), clock.instant()));
      throw failure;
    }
  }

  /**
   * Openings not yet linked, oldest first: what a retry job or an operator screen works through.
   */
  public List<TraderAccount> unfinished() {
    return openings.unfinished();
  }

  public List<TraderAccount> accountsOf(long userId) {
    return openings.ofUser(userId);
  }

  /**
   * 3.2, or, when cTrader already has a user with this email (a lost answer, an earlier signup),
   * 3.11.
   */
  private long ctidUserOf(User user, TraderAccount account) {
    long ctidUserId;
    try {
      ctidUserId =
          ctrader.createUser(
              CreateUserRequest.of(user.email(), account.firstName(), account.preferredLanguage()));
    } catch (CtraderRejection rejection) {
      if (!rejection.is(WebservErrorCode.CH_EMAIL_ALREADY_EXISTS)) {
        throw rejection;
      }
      ctidUserId = ctrader.findUserId(user.email()).orElseThrow(() -> rejection);
      LOG.info(
          () ->
              "cTrader already knew the email of user "
                  + user.id()
                  + "; recovered its userId through 3.11");
    }
    openings.ctidUserKnown(user.id(), ctidUserId);
    return ctidUserId;
  }

  private TraderAccount openTrader(TraderAccount account, User user) {
    if (account.isInDoubt()) {
      throw new OnboardingInDoubt(account.id());
    }
    long id = account.id();
    TraderAccount requested = openings.record(id, a -> a.traderRequested(clock.instant()));
    AccountTerms terms = requested.terms();
    TraderRequest request =
        TraderRequest.of(
                terms.depositCurrency(),
                terms.groupName(),
                requested.traderPasswordHash(),
                terms.leverageInCents(),
                terms.accountType())
            .holder(requested.firstName(), null, ContactDetails.email(user.email()))
            .described(description(id));
    Trader trader;
    try {
      trader = ctrader.openTradingAccount(request);
    } catch (CtraderRejection rejection) {
      openings.record(id, a -> a.traderRefused(clock.instant()));
      throw rejection;
    }
    return openings.record(id, a -> a.traderCreated(trader, clock.instant()));
  }

  /**
   * The trader's description in cTrader, which lets an operator find an account whose 3.3 answer
   * was lost.
   */
  static String description(long accountId) {
    return "broker-sso opening " + accountId;
  }
}
