package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.signin.boundary.Signup;
import org.brokersso.user.entity.EmailAddress;
import org.brokersso.user.entity.User;

/**
 * Signup's first step (§6.1 stage 4): the broker-side user, with the password hashed, the preferred
 * language and the partner the signup URL named. cTrader learns of the user later, in the
 * onboarding saga, so that a failure of cTrader never loses a signup.
 */
@ApplicationScoped
public class Registration {

  @PersistenceContext EntityManager em;

  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Thrown when the address belongs to a trader already; the screen offers login or reset. */
  public static class EmailTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmailTaken() {
      super("e-mail address already registered", null, false, false);
    }
  }

  public record Signup(
      EmailAddress email, char[] password, String firstName, String language, String partnerId) {}

  @Transactional
  public User register(Signup signup) {
    if (users.byEmail(signup.email()).isPresent()) {
      throw new EmailTaken();
    }
    User user =
        User.signedUp(
            signup.email().value(),
            hasher.hash(signup.password()),
            signup.firstName(),
            signup.language(),
            signup.partnerId(),
            clock.instant());
    em.persist(user);
    em.flush(); // a concurrent signup with the same address fails here, on the unique key
    audit.record(
        AuditEvent.success(clock.instant(), "user", AuditAction.USER_SIGNUP)
            .user(user.id(), null)
            .detail(signup.partnerId() == null ? "no partner" : "partner " + signup.partnerId()));
    return user;
  }
}
