package org.brokersso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.brokersso.account.entity.AccountTerms;
import org.brokersso.account.entity.Applicant;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * The saga's journal: every step of {@link Onboarding} is written here in a transaction of its own,
 * committed before the next call to cTrader goes out, so a failure (or a crash) later in the
 * sequence never loses what cTrader has already done.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class AccountOpenings {

  @PersistenceContext EntityManager em;

  @Inject Users users;
  @Inject Clock clock;

  public TraderAccount request(
      long userId, Applicant applicant, AccountTerms terms, String traderPasswordHash) {
    if (users.byId(userId).isEmpty()) {
      throw new IllegalArgumentException("No broker user " + userId);
    }
    TraderAccount account =
        new TraderAccount(userId, applicant, terms, traderPasswordHash, clock.instant());
    em.persist(account);
    return account;
  }

  public TraderAccount find(long accountId) {
    TraderAccount account = em.find(TraderAccount.class, accountId);
    if (account == null) {
      throw new IllegalArgumentException("No trading account " + accountId);
    }
    return account;
  }

  public User user(long userId) {
    return users
        .byId(userId)
        .orElseThrow(() -> new IllegalArgumentException("No broker user " + userId));
  }

  public List<TraderAccount> ofUser(long userId) {
    return em.createNamedQuery(TraderAccount.OF_USER, TraderAccount.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  public List<TraderAccount> unfinished() {
    return em.createNamedQuery(TraderAccount.UNFINISHED, TraderAccount.class).getResultList();
  }

  public void ctidUserKnown(long userId, long ctidUserId) {
    user(userId).linkCtidUser(ctidUserId);
  }

  public void agreementAccepted(long userId) {
    user(userId).acceptAgreement(clock.instant());
  }

  /**
   * Claims the sending of 3.3, under a row lock, so that two attempts at once (the trader's button
   * and a background resume) never both send it: the second finds it out and in doubt.
   */
  public TraderAccount traderRequested(long accountId) {
    TraderAccount account = em.find(TraderAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account.isInDoubt()) {
      throw new OnboardingInDoubt(accountId);
    }
    account.traderRequested(clock.instant());
    return account;
  }

  /** Applies one step to the account and answers it as committed. */
  public TraderAccount record(long accountId, Consumer<TraderAccount> step) {
    TraderAccount account = find(accountId);
    step.accept(account);
    return account;
  }
}
