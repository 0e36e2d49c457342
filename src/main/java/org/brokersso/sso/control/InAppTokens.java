package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.sso.control.AccessTokenCache.Verified;
import org.brokersso.sso.entity.AccessToken;
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
   * Call 4.2 without "keep me logged in": a new random token bound to the exchange it accompanies,
   * living as long as an access token would; empty when disabled.
   */
  public Optional<String> issue(User user, long oneTimeTokenId) {
    if (!enabled) {
      return Optional.empty();
    }
    TokenMint.MintedToken token = mint.mint(TokenKind.INAPP);
    Instant now = clock.instant();
    em.persist(new InAppToken(token.hash(), user.id(), oneTimeTokenId, null, now, now.plus(ttl)));
    return Optional.of(token.value());
  }

  /**
   * Call 4.2 with "keep me logged in": the token bound to the new access token ({@link #boundTo}),
   * stored now, so that every 4.3 with that access token hands back the same one without a write.
   */
  public Optional<String> issueBoundTo(User user, AccessTokens.Minted access) {
    if (!enabled) {
      return Optional.empty();
    }
    String value = boundTo(access.value());
    AccessToken stored = access.stored();
    storeBound(value, user.id(), stored.oneTimeTokenId(), stored.id(), stored.expiresAt());
    return Optional.of(value);
  }

  /**
   * The inappToken that belongs to an access token: HMAC-SHA256 keyed with the access token's value
   * over a fixed label, in the inappToken's format. It carries the access token's 256 bits of
   * chance, reveals nothing of it, and cannot be computed from anything stored (only hashes are),
   * so 4.3 can answer it again at every launch without storing a new one
   * (docs/contract-choices.md).
   */
  public static String boundTo(String accessTokenValue) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(accessTokenValue.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] derived = hmac.doFinal(BOUND_LABEL);
      return TokenKind.INAPP.prefix()
          + Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }

  private static final byte[] BOUND_LABEL =
      "broker-sso inappToken of an access token, v1".getBytes(StandardCharsets.UTF_8);

  /** The inappToken 4.3 answers with this access token; empty when disabled. */
  public Optional<String> answerFor(String accessTokenValue) {
    return enabled ? Optional.of(boundTo(accessTokenValue)) : Optional.empty();
  }

  /**
   * Whether the token {@link #boundTo} this access token is stored (those of 4.2 since V15 are).
   */
  public boolean isBoundTo(String accessTokenValue) {
    return !enabled
        || !em.createNamedQuery(InAppToken.BY_HASH, InAppToken.class)
            .setParameter("hash", TokenHasher.hash(boundTo(accessTokenValue)))
            .getResultList()
            .isEmpty();
  }

  /**
   * Stores the token {@link #boundTo} an access token minted before it had one (an older 4.2); an
   * instance that lost the race to store it finds it stored.
   */
  @Transactional
  public void bind(String accessTokenValue, Verified verified) {
    storeBound(
        boundTo(accessTokenValue),
        verified.userId(),
        verified.oneTimeTokenId(),
        verified.accessTokenId(),
        verified.expiresAt());
  }

  private void storeBound(
      String value, long userId, long oneTimeTokenId, long accessTokenId, Instant expiresAt) {
    em.persist(
        new InAppToken(
            TokenHasher.hash(value),
            userId,
            oneTimeTokenId,
            accessTokenId,
            clock.instant(),
            expiresAt));
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
