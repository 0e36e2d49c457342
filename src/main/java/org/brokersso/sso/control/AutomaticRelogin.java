package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.sso.control.AccessTokenCache.Verified;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;
import org.brokersso.tokens.control.TokenHasher;
import org.brokersso.tokens.entity.TokenKind;

/**
 * Call 4.3, automatic re-login, made by cTrader at every app launch of every trader: answered from
 * {@link AccessTokenCache} when this instance knows the token, with no transaction and no query;
 * otherwise from the database ({@link AccessTokens#verify}), which refuses in full and audited.
 * Nothing is written on either path: successes are counted by {@link VerificationTally}, and the
 * inappToken answered is the one bound to the access token ({@link InAppTokens#boundTo}).
 */
@ApplicationScoped
public class AutomaticRelogin {

  @Inject AccessTokenCache cache;
  @Inject AccessTokens accessTokens;
  @Inject InAppTokens inAppTokens;
  @Inject VerificationTally tally;
  @Inject Metrics metrics;
  @Inject Clock clock;

  /** What 4.3 answers. */
  public record Relogin(Long ctidUserId, Optional<String> inappToken) {}

  public Relogin verify(String accessToken) {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new ContractViolation(ContractError.MISSING_PARAMETER, "accessToken is required");
    }
    Instant now = clock.instant();
    String hash = TokenKind.ACCESS.isWellFormed(accessToken) ? TokenHasher.hash(accessToken) : null;
    Verified verified = hash == null ? null : cache.live(hash, now).orElse(null);
    if (verified != null) {
      metrics.increment(Meter.ACCESS_TOKEN_CACHE, "hit");
    } else {
      metrics.increment(Meter.ACCESS_TOKEN_CACHE, "miss");
      long generation = cache.generation();
      // refuses anything not well-formed, so past it the hash above is there
      verified = bound(accessToken, accessTokens.verify(accessToken));
      cache.remember(hash, verified, generation);
    }
    tally.verified(hash, verified, now);
    return new Relogin(verified.ctidUserId(), inAppTokens.answerFor(accessToken));
  }

  /** Stores the bound inappToken of an access token from before V15 the first time it is seen. */
  private Verified bound(String accessToken, Verified verified) {
    if (verified.inappBound()) {
      return verified;
    }
    try {
      inAppTokens.bind(accessToken, verified);
    } catch (RuntimeException e) {
      if (!inAppTokens.isBoundTo(accessToken)) {
        throw e; // not a lost race with another instance storing it: the database is away
      }
    }
    return verified.withInappBound();
  }
}
