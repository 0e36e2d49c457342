package org.brokersso.operator.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.setup.control.SettingsChecked;
import org.brokersso.tokens.control.TokenHasher;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the operator password of an {@code Authorization: Basic} header (any user name). Unset:
 * there are no operator endpoints. Shorter than {@value #MIN_LENGTH} characters: the server refuses
 * to start, since the endpoints are reachable wherever the screens are.
 */
@ApplicationScoped
public class OperatorPassword implements SettingsChecked {

  static final int MIN_LENGTH = 16;

  /** What a request's credentials amount to. */
  public enum Check {
    NO_OPERATORS,
    MISSING,
    WRONG,
    ACCEPTED
  }

  @Inject
  @ConfigProperty(name = "operator.password")
  Optional<String> configured;

  @Inject AuditTrail audit;
  @Inject Clock clock;

  private byte[] expected;

  @PostConstruct
  void digest() {
    String password = configured.filter(p -> !p.isBlank()).orElse(null);
    if (password != null && password.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "Broker SSO refuses to start: operator.password must have at least "
              + MIN_LENGTH
              + " characters (OPERATOR_PASSWORD)");
    }
    expected = password == null ? null : digest(password);
  }

  /** Checks the setting while the server starts, not at the first operator call. */
  @Override
  public void checkSettings() {
    isConfigured();
  }

  public boolean isConfigured() {
    return expected != null;
  }

  public Check check(String authorization) {
    if (expected == null) {
      return Check.NO_OPERATORS;
    }
    Optional<String> presented = basicPassword(authorization);
    if (presented.isEmpty()) {
      return Check.MISSING;
    }
    // digests of equal length, compared in constant time: neither length nor prefix of the secret
    // shows
    return MessageDigest.isEqual(expected, digest(presented.get())) ? Check.ACCEPTED : Check.WRONG;
  }

  /**
   * Records a refused operator request ({@code path} from the root, "/operator/..."); its own
   * transaction, as the request does nothing else.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void refused(Check check, String method, String path) {
    audit.record(
        AuditEvent.refusal(clock.instant(), "operator", AuditAction.OPERATOR_ACCESS)
            .detail(check + " " + method + " " + path));
  }

  /**
   * The password of a Basic header ({@code base64(user:password)}); empty when there is none or it
   * is malformed.
   */
  static Optional<String> basicPassword(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
  }

  private static byte[] digest(String secret) {
    return TokenHasher.hash(secret).getBytes(StandardCharsets.US_ASCII);
  }
}
