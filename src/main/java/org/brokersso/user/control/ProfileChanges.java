package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
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
 * Each change needs the current password except logout.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // no database transaction held across a call to cTrader
public class ProfileChanges {

  @Inject Users users;
  @Inject PasswordHasher hasher;
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
   * session that made the change stays signed in.
   */
  public long changePassword(long userId, char[] current, char[] replacement) {
    checkPassword(userId, current);
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
  public void changeEmail(long userId, EmailAddress replacement, char[] password) {
    User user = checkPassword(userId, password);
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

  private User checkPassword(long userId, char[] password) {
    User user =
        users
            .byId(userId)
            .orElseThrow(() -> new IllegalArgumentException("No broker user " + userId));
    boolean matches =
        user.passwordHash() != null
            ? hasher.verify(password, user.passwordHash())
            : hasher.verifyAgainstDummy(password);
    if (!matches) {
      throw new WrongPassword();
    }
    return user;
  }
}
