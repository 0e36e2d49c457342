package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.persistence.Refusal;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;
import org.brokersso.sso.entity.CrmApiToken;
import org.brokersso.tokens.control.TokenHasher;
import org.brokersso.tokens.control.TokenMint;
import org.brokersso.tokens.entity.TokenKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues (call 4.1) and checks (calls 4.2–4.5) the token that authenticates cTrader's backend.
 * Every issue is a new token and earlier ones stay valid until their own expiry, because cTrader
 * keeps the token in memory only and may ask again after a restart or from another node.
 */
@ApplicationScoped
public class CrmApiTokens {

  @PersistenceContext EntityManager em;

  @Inject CrmApiPasswords passwords;
  @Inject CrmApiBackOff backOff;
  @Inject TokenMint mint;
  @Inject AuditTrail audit;
  @Inject Refusals refusals;
  @Inject Metrics metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sso.crm-api-token.ttl")
  Duration ttl;

  /**
   * Tokens already found valid, by hash, with their expiry: cTrader presents the same token on
   * every call for a week, so one lookup per token and node is enough. Tokens are never revoked
   * early, which is what makes this cache safe.
   */
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  /**
   * Call 4.1 from {@code clientAddress}, behind {@link CrmApiBackOff}: while the address waits, the
   * password is not checked and the answer is the wrong password's, 403 {@code
   * CH_CLIENT_AUTH_FAILURE}, with {@code Retry-After} (docs/contract-choices.md).
   */
  public String issue(String password, String clientAddress) {
    Instant now = clock.instant();
    CrmApiBackOff.Standing standing = backOff.standing(clientAddress);
    Optional<Duration> wait = standing.waitBefore();
    if (wait.isPresent()) {
      metrics.increment(Meter.THROTTLED, "crm_api_token");
      refusals.refuse(
          AuditAction.CRM_API_TOKEN_ISSUE,
          ContractError.CLIENT_AUTH_FAILURE,
          "not checked: too many wrong passwords from this address",
          null,
          null);
      throw new ContractViolation(
          ContractError.CLIENT_AUTH_FAILURE,
          "Client authentication failed: too many wrong passwords, try again after Retry-After",
          wait.get());
    }
    if (!passwords.accepts(password)) {
      backOff.failed(clientAddress);
      throw refusals.refuse(
          AuditAction.CRM_API_TOKEN_ISSUE,
          ContractError.CLIENT_AUTH_FAILURE,
          "wrong password",
          null,
          null);
    }
    backOff.succeeded(clientAddress, standing);
    TokenMint.MintedToken token = mint.mint(TokenKind.CRM_API);
    em.persist(new CrmApiToken(token.hash(), now, now.plus(ttl)));
    audit.record(
        AuditEvent.success(now, Refusals.CTRADER, AuditAction.CRM_API_TOKEN_ISSUE)
            .token(token.hash()));
    return token.value();
  }

  /**
   * Whether this instance already found the token live and it has not expired since: no query and
   * no transaction, so the calls cTrader makes with a known token begin none for their check.
   */
  public boolean isKnownLive(String token) {
    if (!TokenKind.CRM_API.isWellFormed(token)) {
      return false;
    }
    Instant cachedExpiry = verified.get(TokenHasher.hash(token));
    return cachedExpiry != null && clock.instant().isBefore(cachedExpiry);
  }

  /**
   * Refuses with 403 {@code CH_CLIENT_AUTH_FAILURE} unless the token is one of ours and live, from
   * the database; for a token {@link #isKnownLive} already, there is no need to call it.
   */
  @Transactional(dontRollbackOn = Refusal.class) // called by a filter, outside any boundary
  public void verify(String token) {
    Instant now = clock.instant();
    if (!TokenKind.CRM_API.isWellFormed(token)) {
      throw refused(null, token == null ? "crmApiToken missing" : "crmApiToken malformed");
    }
    String hash = TokenHasher.hash(token); // not known here yet: CrmApiTokenFilter asked first
    CrmApiToken stored =
        em.createNamedQuery(CrmApiToken.BY_HASH, CrmApiToken.class)
            .setParameter("hash", hash)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> refused(hash, "crmApiToken unknown"));
    if (stored.isExpiredAt(now)) {
      verified.remove(hash);
      throw refused(hash, "crmApiToken expired");
    }
    verified.put(hash, stored.expiresAt());
  }

  private ContractViolation refused(String hash, String why) {
    return refusals.refuse(
        AuditAction.CRM_API_TOKEN_CHECK, ContractError.CLIENT_AUTH_FAILURE, why, hash, null);
  }
}
