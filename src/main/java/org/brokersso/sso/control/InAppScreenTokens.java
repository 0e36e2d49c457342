package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.sso.entity.OneTimePurpose;
import org.brokersso.sso.entity.OneTimeToken;
import org.brokersso.tokens.control.TokenHasher;
import org.brokersso.tokens.entity.TokenKind;
import org.brokersso.user.entity.User;

/**
 * The OT token an InApp screen is opened with (§6.6 stages 13-14): minted by call 4.4, it
 * identifies the trader, and the screen uses it up. Guarantee: a token opens one screen once, for
 * the trader it was minted for, within its lifetime; a login token (from the success URL) never
 * opens an InApp screen. Every use and refusal is in the audit trail.
 */
@ApplicationScoped
@Transactional(
    dontRollbackOn = InAppScreenTokens.Refused.class) // a refusal is an answer: its audit row stays
public class InAppScreenTokens {

  /** Why the token opens no screen. */
  public enum Reason {
    MISSING,
    UNKNOWN,
    EXPIRED,
    USED,
    NOT_INAPP
  }

  /** The token does not open a screen; nothing was done. */
  public static class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    Refused(Reason reason) {
      super("InApp screen refused: " + reason, null, false, false);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  @Inject OneTimeTokens oneTimeTokens;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Uses the token up and answers its trader. */
  public User use(String token, String screen) {
    Instant now = clock.instant();
    if (token == null || token.isBlank()) {
      throw refused(null, null, Reason.MISSING, screen, now);
    }
    String hash = TokenKind.ONE_TIME.isWellFormed(token) ? TokenHasher.hash(token) : null;
    OneTimeToken stored = hash == null ? null : oneTimeTokens.byHash(hash).orElse(null);
    if (stored == null) {
      throw refused(hash, null, Reason.UNKNOWN, screen, now);
    }
    if (stored.purpose() != OneTimePurpose.INAPP) {
      throw refused(hash, stored.user(), Reason.NOT_INAPP, screen, now);
    }
    if (stored.isConsumed()) {
      throw refused(hash, stored.user(), Reason.USED, screen, now);
    }
    if (stored.isExpiredAt(now)) {
      throw refused(hash, stored.user(), Reason.EXPIRED, screen, now);
    }
    if (!oneTimeTokens.consume(stored, now)) {
      throw refused(
          hash, stored.user(), Reason.USED, screen, now); // a concurrent opening won the race
    }
    User user = stored.user();
    audit.record(
        AuditEvent.success(now, "user", AuditAction.INAPP_SCREEN_OPEN)
            .user(user.id(), user.ctidUserId())
            .token(hash)
            .detail(screen));
    return user;
  }

  private Refused refused(String hash, User user, Reason reason, String screen, Instant now) {
    audit.record(
        AuditEvent.refusal(now, "user", AuditAction.INAPP_SCREEN_OPEN)
            .user(user == null ? null : user.id(), user == null ? null : user.ctidUserId())
            .token(hash)
            .detail(screen + ": " + reason));
    return new Refused(reason);
  }
}
