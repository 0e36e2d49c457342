package org.brokersso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.brokersso.account.entity.AccountTerms;
import org.brokersso.account.entity.Applicant;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.CtraderUnreachable;
import org.brokersso.ctrader.control.Md5Hash;
import org.brokersso.ctrader.control.RateLimitBackOff;
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
 * per request. Each step is recorded ({@link AccountOpenings}) before the next call goes out. A 3.2
 * in doubt (no answer, or a 5xx that does not say nothing was done) is resolved by reading the user
 * back with 3.11; 3.13 is harmless to repeat; 3.4 cannot link a trader twice. A 3.3 in doubt cannot
 * be read back, so it stops the saga with {@link OnboardingInDoubt} for an operator. cTrader's rate
 * limit postpones the opening ({@link OnboardingPostponed}) to a later attempt in the background.
 */
@ApplicationScoped
@Transactional(
    TxType.NOT_SUPPORTED) // never hold a database transaction open across a call to cTrader
public class Onboarding {

  private static final Logger LOG = Logger.getLogger(Onboarding.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AccountOpenings openings;
  @Inject CtraderBackend ctrader;
  @Inject RateLimitBackOff backOff;
  @Inject Clock clock;

  /** Openings with a later attempt scheduled on this server. */
  private final Set<Long> resuming = ConcurrentHashMap.newKeySet();

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

  /**
   * Runs the steps still missing; answers the linked account. The one entry point for resuming an
   * opening: the screen's button, a revisit, the background resume after cTrader's rate limit, a
   * job.
   *
   * @throws OnboardingPostponed cTrader's rate limit: nothing was done, a later attempt is
   *     scheduled
   * @throws OnboardingInDoubt a 3.3 was sent and its outcome is unknown: held for an operator
   * @throws CtraderFailure any other failure; calling again resumes
   */
  public TraderAccount complete(long accountId) {
    return complete(accountId, 0);
  }

  private TraderAccount complete(long accountId, int laterAttempt) {
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
      if (failure instanceof CtraderRejection rejection && rejection.isRateLimit()) {
        throw postponed(accountId, rejection, laterAttempt);
      }
      throw failure;
    }
  }

  /**
   * cTrader's rate limit refused a step, so nothing was done: a later attempt is scheduled (once
   * per opening at a time) instead of waiting on the caller's thread.
   */
  private RuntimeException postponed(long accountId, CtraderRejection rejection, int attempt) {
    if (!resuming.add(accountId)) {
      return new OnboardingPostponed(accountId, rejection); // a later attempt is already due
    }
    if (backOff
        .later(
            "Trading account opening " + accountId,
            rejection,
            attempt,
            () -> resume(accountId, attempt + 1))
        .isEmpty()) {
      resuming.remove(accountId);
      return rejection;
    }
    return new OnboardingPostponed(accountId, rejection);
  }

  /** A later attempt, on the scheduled executor's thread; failures are recorded on the opening. */
  private void resume(long accountId, int attempt) {
    resuming.remove(accountId);
    try {
      complete(accountId, attempt);
    } catch (OnboardingPostponed postponed) {
      // scheduled again
    } catch (RuntimeException failure) {
      LOG.warning(
          () ->
              "Trading account opening "
                  + accountId
                  + " not resumed; the trader's next visit resumes it: "
                  + failure.getMessage());
    }
  }

  /**
   * An operator settles a 3.3 in doubt: cTrader's back office shows the trader described {@code
   * broker-sso opening <id>}, with this login. The next {@link #complete} links it.
   */
  public TraderAccount foundOpened(long accountId, long traderLogin, String operator) {
    TraderAccount account =
        openings.record(accountId, a -> a.foundOpened(traderLogin, clock.instant()));
    LOG.warning(
        () ->
            "Trading account opening "
                + accountId
                + " settled by "
                + operator
                + ": cTrader opened trader "
                + traderLogin);
    return account;
  }

  /**
   * An operator settles a 3.3 in doubt: cTrader's back office shows no trader described {@code
   * broker-sso opening <id>}. The next {@link #complete} sends 3.3 again.
   */
  public TraderAccount foundNotOpened(long accountId, String operator) {
    TraderAccount account = openings.record(accountId, a -> a.foundNotOpened(clock.instant()));
    LOG.warning(
        () ->
            "Trading account opening "
                + accountId
                + " settled by "
                + operator
                + ": cTrader opened no trader");
    return account;
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
   * 3.2, or, when cTrader already has a user with this email (an earlier signup), 3.11. A 3.2 is
   * not idempotent: when it gets no usable answer (a time-out, a 5xx that does not say nothing was
   * done) it may have created the user, so the user is read back with 3.11 at once, and before any
   * 3.2 of an opening that failed before.
   */
  private long ctidUserOf(User user, TraderAccount account) {
    OptionalLong known =
        account.attempts() > 0 ? ctrader.findUserId(user.email()) : OptionalLong.empty();
    long ctidUserId;
    if (known.isPresent()) {
      ctidUserId = known.getAsLong();
      LOG.info(() -> "User " + user.id() + " found in cTrader through 3.11 before resending 3.2");
    } else {
      ctidUserId = createUser(user, account);
    }
    openings.ctidUserKnown(user.id(), ctidUserId);
    return ctidUserId;
  }

  private long createUser(User user, TraderAccount account) {
    try {
      return ctrader.createUser(
          CreateUserRequest.of(user.email(), account.firstName(), account.preferredLanguage()));
    } catch (CtraderRejection rejection) {
      if (!rejection.is(WebservErrorCode.CH_EMAIL_ALREADY_EXISTS)) {
        throw rejection;
      }
      long found = ctrader.findUserId(user.email()).orElseThrow(() -> rejection);
      LOG.info(
          () ->
              "cTrader already knew the email of user "
                  + user.id()
                  + "; recovered its userId through 3.11");
      return found;
    } catch (CtraderUnreachable inDoubt) {
      // if 3.11 does not know the email either, nothing was created: the next attempt sends 3.2
      long found = ctrader.findUserId(user.email()).orElseThrow(() -> inDoubt);
      LOG.info(
          () ->
              "3.2 for user "
                  + user.id()
                  + " in doubt ("
                  + inDoubt.getMessage()
                  + "); cTrader has the user, read back through 3.11");
      return found;
    }
  }

  private TraderAccount openTrader(TraderAccount account, User user) {
    long id = account.id();
    TraderAccount requested = openings.traderRequested(id); // claimed under a row lock
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
