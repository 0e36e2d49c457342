package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;
import org.brokersso.sso.entity.InAppToken;
import org.brokersso.tokens.control.TokenHasher;
import org.brokersso.tokens.control.TokenMint;
import org.brokersso.tokens.entity.TokenKind;
import org.brokersso.user.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The optional {@code inappToken}: issued with every successful 4.2 and 4.3 when {@code
 * sso.inapp-token.enabled}, and then required by 4.4 for that user. Older ones stay valid while
 * their session lives (the spec leaves open whether cTrader keeps the newest only).
 */
@ApplicationScoped
public class InAppTokens {

  @PersistenceContext EntityManager em;

  @Inject TokenMint mint;
  @Inject Refusals refusals;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sso.inapp-token.enabled")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "sso.access-token.ttl")
  Duration ttl;

  /**
   * A new token bound to the exchange (and access token, if any) it accompanies; empty when
   * disabled.
   */
  public Optional<String> issue(
      User user, long oneTimeTokenId, Long accessTokenId, Instant expiresAt) {
    if (!enabled) {
      return Optional.empty();
    }
    TokenMint.MintedToken token = mint.mint(TokenKind.INAPP);
    em.persist(
        new InAppToken(
            token.hash(), user.id(), oneTimeTokenId, accessTokenId, clock.instant(), expiresAt));
    return Optional.of(token.value());
  }

  /** Lifetime of an inappToken issued without an access token: as long as one would have lived. */
  public Instant defaultExpiry(Instant now) {
    return now.plus(ttl);
  }

  /**
   * Call 4.4's extra check. Without a presented token it passes only if the user holds no live one;
   * a presented token must be live and belong to this user.
   */
  public void check(User user, String presented) {
    Instant now = clock.instant();
    if (presented == null || presented.isEmpty()) {
      long live =
          em.createNamedQuery(InAppToken.LIVE_FOR_USER, Long.class)
              .setParameter("userId", user.id())
              .setParameter("now", now.toEpochMilli())
              .getSingleResult();
      if (live > 0) {
        throw refused(user, null, "inappToken required for this user");
      }
      return;
    }
    if (!TokenKind.INAPP.isWellFormed(presented)) {
      throw refused(user, null, "inappToken malformed");
    }
    String hash = TokenHasher.hash(presented);
    InAppToken stored =
        em.createNamedQuery(InAppToken.BY_HASH, InAppToken.class)
            .setParameter("hash", hash)
            .getResultStream()
            .findFirst()
            .filter(t -> t.userId() == user.id())
            .orElseThrow(() -> refused(user, hash, "inappToken unknown or of another user"));
    if (stored.isExpiredAt(now)) {
      throw refusals.refuse(
          AuditAction.INAPP_TOKEN_CHECK,
          ContractError.TOKEN_EXPIRED,
          "inappToken expired",
          hash,
          user);
    }
    if (!stored.isLiveAt(now)) {
      throw refused(user, hash, "inappToken revoked");
    }
  }

  /** Ends the inapp tokens of a session that has been revoked. */
  void revokeForAccessToken(long accessTokenId, Instant now) {
    em.createNamedQuery(InAppToken.REVOKE_FOR_ACCESS_TOKEN)
        .setParameter("accessTokenId", accessTokenId)
        .setParameter("now", now.toEpochMilli())
        .executeUpdate();
  }

  void revokeForOneTimeToken(long oneTimeTokenId, Instant now) {
    em.createNamedQuery(InAppToken.REVOKE_FOR_ONE_TIME_TOKEN)
        .setParameter("oneTimeTokenId", oneTimeTokenId)
        .setParameter("now", now.toEpochMilli())
        .executeUpdate();
  }

  private ContractViolation refused(User user, String hash, String why) {
    return refusals.refuse(
        AuditAction.INAPP_TOKEN_CHECK, ContractError.INAPP_TOKEN_MISMATCH, why, hash, user);
  }
}
