package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.persistence.Refusal;
import org.brokersso.sso.control.AccessTokenCache.Verified;
import org.brokersso.sso.entity.AccessToken;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;
import org.brokersso.sso.entity.InAppToken;
import org.brokersso.sso.entity.OneTimeToken;
import org.brokersso.tokens.control.TokenHasher;
import org.brokersso.tokens.control.TokenMint;
import org.brokersso.tokens.entity.TokenKind;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.SignedOutEverywhere;
import org.brokersso.user.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Long-term access tokens: minted by 4.2 after "keep me logged in", verified by 4.3, revoked by
 * 4.5.
 */
@ApplicationScoped
public class AccessTokens {

  @PersistenceContext EntityManager em;

  @Inject TokenMint mint;
  @Inject Users users;
  @Inject InAppTokens inAppTokens;
  @Inject AuditTrail audit;
  @Inject Refusals refusals;
  @Inject RevocationFeed feed;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sso.access-token.ttl")
  Duration ttl;

  /** A new access token for the user of a just-consumed OT token; the value is returned once. */
  public Minted mintFrom(OneTimeToken redeemed, Instant now) {
    TokenMint.MintedToken token = mint.mint(TokenKind.ACCESS);
    AccessToken stored =
        new AccessToken(token.hash(), redeemed.user(), redeemed.id(), now, now.plus(ttl));
    em.persist(stored);
    return new Minted(token.value(), stored);
  }

  public record Minted(String value, AccessToken stored) {}

  /**
   * Call 4.3 from the database, when {@link AccessTokenCache} does not know the token: what the
   * live token with this value is, or the contract's refusal (audited in full). A success writes
   * nothing: {@link VerificationTally} counts it.
   */
  @Transactional(dontRollbackOn = Refusal.class) // reached outside any boundary (AutomaticRelogin)
  public Verified verify(String token) {
    Instant now = clock.instant();
    if (!TokenKind.ACCESS.isWellFormed(token)) {
      throw refused(null, null, ContractError.TOKEN_MALFORMED, "Access token is not valid");
    }
    String hash = TokenHasher.hash(token);
    AccessToken stored =
        find(hash)
            .orElseThrow(
                () -> refused(hash, null, ContractError.TOKEN_NOT_FOUND, "Access token not found"));
    if (stored.isRevoked()) {
      throw refused(hash, stored.user(), ContractError.TOKEN_EXPIRED, "Access token revoked");
    }
    if (stored.isExpiredAt(now)) {
      throw refused(hash, stored.user(), ContractError.TOKEN_EXPIRED, "Access token expired");
    }
    User user = stored.user();
    return new Verified(
        stored.id(),
        user.id(),
        user.ctidUserId(),
        stored.oneTimeTokenId(),
        stored.expiresAt(),
        inAppTokens.isBoundTo(token));
  }

  /**
   * Call 4.5: revokes the token if it is this user's, with its inApp tokens, and ends the user's
   * client-area screen sessions; answers the same either way, so the call stays repeatable and
   * tells a caller nothing about other users' tokens.
   */
  public void revoke(long ctidUserId, String token) {
    Instant now = clock.instant();
    String hash = TokenKind.ACCESS.isWellFormed(token) ? TokenHasher.hash(token) : null;
    Optional<AccessToken> stored = hash == null ? Optional.empty() : find(hash);
    boolean owned =
        stored.filter(t -> Long.valueOf(ctidUserId).equals(t.user().ctidUserId())).isPresent();
    AuditEvent event =
        AuditEvent.success(now, Refusals.CTRADER, AuditAction.ACCESS_TOKEN_REVOKE)
            .user(stored.map(t -> t.user().id()).orElse(null), ctidUserId)
            .token(hash);
    if (owned) {
      AccessToken accessToken = stored.get();
      accessToken.revoke(now);
      inAppTokens.revokeForAccessToken(accessToken.id(), now);
      // the client-area sessions signed in so far end too (§6.12: "ends the matching session")
      users.endScreenSessions(accessToken.user());
      feed.revoked(accessToken.user().id());
      audit.record(event.detail("logout; screen sessions ended"));
    } else {
      audit.record(event.detail("logout: no such live token for this user, nothing revoked"));
    }
  }

  /**
   * The trader logged out in the client area (§6.12), or their password was changed or reset: every
   * "keep me logged in" session and inappToken of theirs ends, so no app logs them back in
   * automatically (4.3 answers 410, 4.4 refuses the inappToken).
   */
  void revokeAllOf(@Observes SignedOutEverywhere signedOut) {
    User user = signedOut.user();
    Instant now = clock.instant();
    int revoked =
        em.createNamedQuery(AccessToken.REVOKE_ALL_OF_USER)
            .setParameter("user", user)
            .setParameter("now", now.toEpochMilli())
            .executeUpdate();
    int inApp =
        em.createNamedQuery(InAppToken.REVOKE_ALL_OF_USER)
            .setParameter("userId", user.id())
            .setParameter("now", now.toEpochMilli())
            .executeUpdate();
    if (revoked > 0) {
      feed.revoked(user.id()); // so no instance answers 4.3 from memory with them
    }
    audit.record(
        AuditEvent.success(now, "user", AuditAction.ACCESS_TOKEN_REVOKE)
            .user(user.id(), user.ctidUserId())
            .detail(
                signedOut.why()
                    + "; access tokens revoked: "
                    + revoked
                    + ", inApp tokens revoked: "
                    + inApp));
  }

  /**
   * An OT token was presented again after its exchange: the access token minted from it may be in
   * the wrong hands (RFC 6749 §4.1.2), so it is revoked. The replay is answered with a refusal,
   * which commits, so the revocation holds.
   */
  public void revokeMintedFrom(OneTimeToken replayed) {
    Instant now = clock.instant();
    int revoked =
        em.createNamedQuery(AccessToken.REVOKE_MINTED_FROM)
            .setParameter("oneTimeTokenId", replayed.id())
            .setParameter("now", now.toEpochMilli())
            .executeUpdate();
    // every inappToken of the session carries the OT token it descends from
    inAppTokens.revokeForOneTimeToken(replayed.id(), now);
    if (revoked > 0) {
      feed.revoked(replayed.user().id());
    }
    audit.record(
        AuditEvent.success(now, Refusals.CTRADER, AuditAction.ACCESS_TOKEN_REVOKE)
            .user(replayed.user().id(), replayed.user().ctidUserId())
            .token(replayed.tokenHash())
            .detail("one-time token replayed; access tokens revoked: " + revoked));
  }

  private Optional<AccessToken> find(String hash) {
    return em.createNamedQuery(AccessToken.BY_HASH, AccessToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  private ContractViolation refused(String hash, User user, ContractError error, String message) {
    return refusals.refuse(AuditAction.ACCESS_TOKEN_VERIFY, error, message, hash, user);
  }
}
