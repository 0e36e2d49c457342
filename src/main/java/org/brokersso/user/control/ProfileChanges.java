package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.user.entity.EmailAddress;
import org.brokersso.user.entity.User;

/**
 * What a signed-in trader changes about themselves in the client area: the password, the e-mail
 * (cTrader first, call 3.10, so that both never disagree for long), and logging out (call 3.12).
 * Each change needs the current password except logout, and that check sits behind the {@link
 * LoginThrottle} as a login does: its wrong answers count on the same keys, and while a wait runs
 * even the right answer is refused unchecked, so the form is no faster a guessing oracle than the
 * login screen (which it would otherwise be for whoever holds a session).
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // no database transaction held across a call to cTrader
public class ProfileChanges {

  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottle throttle;
  @Inject CtraderBackend ctrader;
  @Inject CredentialRevocation revocation;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** The current password did not match; nothing was changed. */
  public static class WrongPassword extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongPassword() {
      super("current password does not match", null, false, false);
    }
  }

  /** Too many wrong answers lately: the password was not checked and nothing was changed. */
  public static class Throttled extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    Throttled(Duration retryAfter) {
      super("current password not checked: throttled", null, false, false);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** The new address is another trader's; nothing was changed. */
  public static class EmailTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmailTaken() {
      super("e-mail address already registered", null, false, false);
    }
  }

  /**
   * Changes the password and ends every other credential of the trader: access and inApp tokens,
   * reset links, every screen session. Answers the new generation of credentials, under which the
   * session that made the change stays signed in. {@code clientAddress} is the trader's, for the
   * {@link LoginThrottle}.
   */
  public long changePassword(
      long userId, char[] current, char[] replacement, String clientAddress) {
    checkPassword(userId, current, clientAddress, AuditAction.PASSWORD_CHANGE);
    String hash = hasher.hash(replacement);
    return users
        .record(
            userId,
            user -> {
              user.changePassword(hash);
              audit.record(
                  AuditEvent.success(clock.instant(), "user", AuditAction.PASSWORD_CHANGE)
                      .user(user.id(), user.ctidUserId())
                      .detail("in the client area"));
              revocation.revokeAll(user, "password changed in the client area");
            })
        .credentialEpoch();
  }

  /** Changes the e-mail at cTrader (3.10) and then here; a failure of cTrader changes nothing. */
  public void changeEmail(
      long userId, EmailAddress replacement, char[] password, String clientAddress) {
    User user = checkPassword(userId, password, clientAddress, AuditAction.EMAIL_CHANGE);
    if (users.byEmail(replacement).filter(other -> !other.id().equals(userId)).isPresent()) {
      throw new EmailTaken();
    }
    if (user.ctidUserId() != null) {
      ctrader.changeEmail(user.ctidUserId(), replacement.value());
    }
    users.record(
        userId,
        u -> {
          u.changeEmail(replacement.value());
          audit.record(
              AuditEvent.success(clock.instant(), "user", AuditAction.EMAIL_CHANGE)
                  .user(u.id(), u.ctidUserId()));
        });
  }

  /**
   * Logs the trader out everywhere (§6.12): their "keep me logged in" sessions end here, so no app
   * logs them back in, and cTrader ends its own (3.12). Answers whether cTrader confirmed.
   */
  public boolean logOut(long userId) {
    User user =
        users.record(
            userId,
            u -> {
              // every screen session, reset link, access and inApp token of theirs ends
              revocation.revokeAll(u, "client-area logout");
              audit.record(
                  AuditEvent.success(clock.instant(), "user", AuditAction.USER_LOGOUT)
                      .user(u.id(), u.ctidUserId()));
            });
    if (user.ctidUserId() == null) {
      return true;
    }
    try {
      ctrader.logOut(user.ctidUserId());
      return true;
    } catch (CtraderFailure failure) {
      return false; // the access tokens are revoked already, so no app can log back in through us
    }
  }

  private User checkPassword(
      long userId, char[] password, String clientAddress, AuditAction change) {
    User user =
        users
            .byId(userId)
            .orElseThrow(() -> new IllegalArgumentException("No broker user " + userId));
    Optional<Duration> wait = throttle.waitBefore(user.email(), clientAddress);
    if (wait.isPresent()) {
      throw new Throttled(wait.get());
    }
    boolean matches =
        user.passwordHash() != null
            ? hasher.verify(password, user.passwordHash())
            : hasher.verifyAgainstDummy(password);
    if (!matches) {
      throttle.failed(user.email(), clientAddress);
      users.record( // changes nothing: the transaction the audit trail needs
          userId,
          u ->
              audit.record(
                  AuditEvent.refusal(clock.instant(), "user", change)
                      .user(u.id(), u.ctidUserId())
                      .detail("wrong current password")));
      throw new WrongPassword();
    }
    throttle.succeeded(user.email(), clientAddress);
    return user;
  }
}
