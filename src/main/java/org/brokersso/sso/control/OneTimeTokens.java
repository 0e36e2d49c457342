package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;
import org.brokersso.sso.entity.OneTimePurpose;
import org.brokersso.sso.entity.OneTimeToken;
import org.brokersso.tokens.control.TokenHasher;
import org.brokersso.tokens.control.TokenMint;
import org.brokersso.tokens.entity.TokenKind;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints OT tokens (for the screens' success URL, call 4.4 and the cTrader Web link) and redeems the
 * login ones (call 4.2); an InApp token is redeemed by its screen only ({@link InAppScreenTokens}).
 *
 * <p>Guarantee: {@link #exchange} succeeds for exactly one caller per token, however many redeem it
 * at once and on however many servers, because the redemption is a single conditional UPDATE whose
 * update count decides the winner.
 */
@ApplicationScoped
public class OneTimeTokens {

  @PersistenceContext EntityManager em;

  @Inject TokenMint mint;
  @Inject AccessTokens accessTokens;
  @Inject InAppTokens inAppTokens;
  @Inject Users users;
  @Inject AuditTrail audit;
  @Inject Refusals refusals;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sso.ot-token.ttl")
  Duration ttl;

  /** A new OT token for the user; the value is handed out once and only its hash is kept. */
  public String mintFor(User user, OneTimePurpose purpose, boolean keepLoggedIn) {
    if (user.ctidUserId() == null) {
      throw new IllegalStateException(
          "An OT token needs a user that cTrader knows (call 3.2 first)");
    }
    Instant now = clock.instant();
    TokenMint.MintedToken token = mint.mint(TokenKind.ONE_TIME);
    em.persist(new OneTimeToken(token.hash(), user, purpose, keepLoggedIn, now, now.plus(ttl)));
    audit.record(
        AuditEvent.success(now, actorFor(purpose), AuditAction.OT_TOKEN_ISSUE)
            .user(user.id(), user.ctidUserId())
            .token(token.hash())
            .detail(purpose + (keepLoggedIn ? ", keep logged in" : "")));
    return token.value();
  }

  /**
   * Call 4.4: a new OT token for an InApp screen of the user cTrader names, after the {@code
   * inappToken} check when the user holds one.
   */
  public String mintForInApp(long ctidUserId, String inappToken) {
    User user =
        users
            .byCtidUserId(ctidUserId)
            .orElseThrow(
                () ->
                    refusals.refuse(
                        AuditAction.OT_TOKEN_ISSUE,
                        ContractError.USER_NOT_FOUND,
                        "User not found",
                        null,
                        null));
    inAppTokens.check(user, inappToken);
    return mintFor(user, OneTimePurpose.INAPP, false);
  }

  /** What call 4.2 answers: the user, and the long-term tokens the login asked for. */
  public record Exchange(long userId, Optional<String> accessToken, Optional<String> inappToken) {}

  public Exchange exchange(String code) {
    Instant now = clock.instant();
    if (!TokenKind.ONE_TIME.isWellFormed(code)) {
      throw refused(null, null, ContractError.TOKEN_MALFORMED, "One-time token is not valid");
    }
    String hash = TokenHasher.hash(code);
    OneTimeToken token =
        byHash(hash)
            .orElseThrow(
                () ->
                    refused(hash, null, ContractError.TOKEN_NOT_FOUND, "One-time token not found"));
    User user = token.user();
    if (!token.purpose().logsIn()) {
      // an InApp token is no login (it would hand its holder a session and a fresh inappToken);
      // shown where it does not belong it counts as leaked, so it is used up: nothing can redeem
      // it afterwards (docs/contract-choices.md)
      consume(token, now);
      throw refused(
          hash,
          user,
          ContractError.TOKEN_MALFORMED,
          "One-time token is not valid here: it was minted for an InApp screen");
    }
    if (token.isConsumed()) {
      throw replayed(token);
    }
    if (token.isExpiredAt(now)) {
      throw refused(hash, user, ContractError.TOKEN_EXPIRED, "One-time token expired");
    }
    if (!consume(token, now)) {
      // lost the race to a concurrent redemption (or the lifetime ended in between)
      throw replayed(token);
    }
    Optional<AccessTokens.Minted> access =
        token.keepLoggedIn() ? Optional.of(accessTokens.mintFrom(token, now)) : Optional.empty();
    Optional<String> inapp =
        access.isPresent()
            ? inAppTokens.issueBoundTo(user, access.get())
            : inAppTokens.issue(user, token.id());
    audit.record(
        AuditEvent.success(now, Refusals.CTRADER, AuditAction.OT_TOKEN_EXCHANGE)
            .user(user.id(), user.ctidUserId())
            .token(hash)
            .detail(
                access.isPresent()
                    ? "access token issued"
                    : "no access token (keep me logged in not chosen)"));
    return new Exchange(user.ctidUserId(), access.map(AccessTokens.Minted::value), inapp);
  }

  /** The stored token with this hash (its user fetched). */
  public Optional<OneTimeToken> byHash(String hash) {
    return em.createNamedQuery(OneTimeToken.BY_HASH, OneTimeToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  /**
   * Uses the token up: one conditional UPDATE, so of any number of concurrent callers (on any
   * number of servers) exactly one gets {@code true}; none does once the lifetime has ended.
   */
  public boolean consume(OneTimeToken token, Instant now) {
    return em.createNamedQuery(OneTimeToken.CONSUME)
            .setParameter("id", token.id())
            .setParameter("now", now.toEpochMilli())
            .executeUpdate()
        == 1;
  }

  /**
   * Somebody already holds what this token was worth, so whatever it was exchanged for is revoked;
   * the refusal commits, so the revocation holds. Replay answers 410, see docs/contract-choices.md.
   */
  private ContractViolation replayed(OneTimeToken token) {
    accessTokens.revokeMintedFrom(token);
    return refused(
        token.tokenHash(),
        token.user(),
        ContractError.TOKEN_EXPIRED,
        "One-time token already used");
  }

  private static String actorFor(OneTimePurpose purpose) {
    return purpose == OneTimePurpose.INAPP ? Refusals.CTRADER : "user";
  }

  private ContractViolation refused(String hash, User user, ContractError error, String message) {
    return refusals.refuse(AuditAction.OT_TOKEN_EXCHANGE, error, message, hash, user);
  }
}
