package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.brokersso.user.entity.User;

/** Finds and registers broker users by their cTrader {@code userId}. */
@ApplicationScoped
public class Users {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  public Optional<User> byId(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public Optional<User> byCtidUserId(long ctidUserId) {
    return em.createNamedQuery(User.BY_CTID_USER_ID, User.class)
        .setParameter("ctidUserId", ctidUserId)
        .getResultStream()
        .findFirst();
  }

  public User register(Long ctidUserId, String email) {
    User user = new User(ctidUserId, email, clock.instant());
    em.persist(user);
    return user;
  }
}
