package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.brokersso.user.entity.EmailAddress;
import org.brokersso.user.entity.User;

/** Finds and registers broker users: by id, cTrader {@code userId}, e-mail or partner code. */
@ApplicationScoped
public class Users {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Traders known to cTrader whose partner attribution (3.6) is still to be made, with an id above
   * {@code after}, in id order.
   */
  public List<Long> pendingReferralsAfter(long after, int max) {
    return em.createNamedQuery(User.PENDING_REFERRALS, Long.class)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  public Optional<User> byId(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  /**
   * The current generation of the trader's credentials, read from the database on every call (no
   * cache), so that a screen session on any instance sees a change made on another at once.
   */
  public OptionalLong credentialEpoch(long id) {
    return em.createNamedQuery(User.CREDENTIAL_EPOCH, Long.class)
        .setParameter("id", id)
        .getResultStream()
        .mapToLong(Long::longValue)
        .findFirst();
  }

  /**
   * Ends every screen session of the trader signed in so far: a new generation of their
   * credentials, raised in the database (in the caller's transaction) and recorded on {@code user};
   * answers it.
   */
  public long endScreenSessions(User user) {
    em.createNamedQuery(User.RAISE_CREDENTIAL_EPOCH).setParameter("id", user.id()).executeUpdate();
    long epoch = credentialEpoch(user.id()).orElseThrow();
    user.credentialEpochRaised(epoch);
    return epoch;
  }

  public Optional<User> byCtidUserId(long ctidUserId) {
    return em.createNamedQuery(User.BY_CTID_USER_ID, User.class)
        .setParameter("ctidUserId", ctidUserId)
        .getResultStream()
        .findFirst();
  }

  public Optional<User> byEmail(EmailAddress email) {
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", email.value())
        .getResultStream()
        .findFirst();
  }

  public Optional<User> byPartnerCode(String partnerCode) {
    return em.createNamedQuery(User.BY_PARTNER_CODE, User.class)
        .setParameter("partnerCode", partnerCode)
        .getResultStream()
        .findFirst();
  }

  /** The traders attributed to a partner (conformance 6.3.3), newest first. */
  public List<User> referredBy(String partnerCode) {
    return em.createNamedQuery(User.REFERRED_BY, User.class)
        .setParameter("partnerCode", partnerCode)
        .setMaxResults(500)
        .getResultList();
  }

  /** Applies a change to the user in a transaction of its own, committed when this returns. */
  @Transactional(TxType.REQUIRES_NEW)
  public User record(long id, Consumer<User> change) {
    User user = byId(id).orElseThrow(() -> new IllegalArgumentException("No broker user " + id));
    change.accept(user);
    return user;
  }

  public User register(Long ctidUserId, String email) {
    User user = new User(ctidUserId, email, clock.instant());
    em.persist(user);
    return user;
  }
}
