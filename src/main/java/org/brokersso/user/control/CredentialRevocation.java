package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.user.entity.PasswordResetToken;
import org.brokersso.user.entity.SignedOutEverywhere;
import org.brokersso.user.entity.User;

/**
 * Ends every credential of a trader but the password itself, in the caller's transaction: the
 * screen sessions (a new generation of credentials, see {@code CurrentTrader}), every outstanding
 * reset link, and, through {@link SignedOutEverywhere}, the access and inApp tokens cTrader holds.
 * Called when the password is changed or reset and when the trader logs out everywhere; one audit
 * row says what ended and why.
 */
@ApplicationScoped
@Transactional // joins the change it belongs to
public class CredentialRevocation {

  @PersistenceContext EntityManager em;

  @Inject Users users;
  @Inject Event<SignedOutEverywhere> signedOut;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Answers the new generation, which the session that made the change may adopt. */
  public long revokeAll(User user, String why) {
    Instant now = clock.instant();
    long epoch = users.endScreenSessions(user);
    int links = voidResetLinks(user, now);
    signedOut.fire(new SignedOutEverywhere(user, why)); // sso revokes access and inApp tokens
    audit.record(
        AuditEvent.success(now, "user", AuditAction.CREDENTIALS_REVOKE)
            .user(user.id(), user.ctidUserId())
            .detail(why + "; other screen sessions ended; reset links voided: " + links));
    return epoch;
  }

  /** Voids the trader's reset links that could still set a password; answers how many. */
  int voidResetLinks(User user, Instant now) {
    return em.createNamedQuery(PasswordResetToken.VOID_ALL_OF_USER)
        .setParameter("user", user)
        .setParameter("now", now.toEpochMilli())
        .executeUpdate();
  }
}
