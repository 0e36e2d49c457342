package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.mail.control.MailDispatch;
import org.brokersso.mail.control.MailTexts;
import org.brokersso.user.entity.EmailAddress;
import org.brokersso.user.entity.FirstName;
import org.brokersso.user.entity.PendingSignup;
import org.brokersso.user.entity.User;

/**
 * Signup's first step (§6.1 stage 4), in two halves so that it tells nobody which addresses are
 * registered. {@link #start} hashes the password and mails the address, off the request thread: a
 * new address gets a six-digit code, a registered one its owner a note that someone tried to sign
 * up with it (at most five an hour: {@link SignupMailLimit}). Either way the screen asks for the
 * code. {@link #confirm} stores the broker user, with the preferred language and the partner the
 * signup URL named, once the code is right; so every stored address was confirmed by its owner.
 * cTrader learns of the user later, in the onboarding saga, so that a failure of cTrader never
 * loses a signup.
 */
@ApplicationScoped
public class Registration {

  /** How long a mailed code may be entered. */
  static final Duration CODE_VALIDITY = Duration.ofMinutes(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject MailTexts texts;
  @Inject MailDispatch mail;
  @Inject SignupMailLimit limit;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** The code was wrong, or the address was registered meanwhile: the screen cannot tell which. */
  public static class CodeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CodeRefused() {
      super("signup code refused", null, false, false);
    }
  }

  public record Signup(
      EmailAddress email,
      char[] password,
      FirstName firstName,
      String language,
      String partnerId) {}

  /**
   * Hashes the password, mails the address (off this thread) and answers the signup to hold until
   * its code comes back. Takes the same time whether or not the address is registered.
   */
  @Transactional
  public PendingSignup start(Signup signup) {
    String passwordHash = hasher.hash(signup.password());
    Optional<User> owner = users.byEmail(signup.email());
    String code = owner.isPresent() ? null : String.format("%06d", RANDOM.nextInt(1_000_000));
    Instant now = clock.instant();
    if (!limit.allows(signup.email().value(), now)) {
      // no mail: the screen goes on as usual, and the code it waits for never comes
    } else if (owner.isPresent()) {
      User user = owner.get();
      String lang = user.preferredLanguage() != null ? user.preferredLanguage() : signup.language();
      mail.send(texts.signupAgain(user.email(), lang));
    } else {
      mail.send(texts.signupCode(signup.email().value(), signup.language(), code, CODE_VALIDITY));
    }
    return new PendingSignup(
        signup.email(),
        passwordHash,
        signup.firstName(),
        signup.language(),
        signup.partnerId(),
        code,
        now.plus(CODE_VALIDITY));
  }

  /**
   * Stores the user once {@code code} is the one mailed for {@code pending}; throws {@link
   * CodeRefused} otherwise. The caller drops a pending signup once it {@link PendingSignup#isOverAt
   * is over}.
   */
  @Transactional
  public User confirm(PendingSignup pending, String code) {
    if (pending.isOverAt(clock.instant())
        || !pending.accepts(code)
        || users.byEmail(pending.email()).isPresent()) {
      throw new CodeRefused();
    }
    User user =
        User.signedUp(
            pending.email().value(),
            pending.passwordHash(),
            pending.firstName(),
            pending.language(),
            pending.partnerId(),
            clock.instant());
    em.persist(user);
    em.flush(); // a concurrent signup with the same address fails here, on the unique key
    audit.record(
        AuditEvent.success(clock.instant(), "user", AuditAction.USER_SIGNUP)
            .user(user.id(), null)
            .detail(pending.partnerId() == null ? "no partner" : "partner " + pending.partnerId()));
    return user;
  }
}
