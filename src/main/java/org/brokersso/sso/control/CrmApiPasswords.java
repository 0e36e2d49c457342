package org.brokersso.sso.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.brokersso.setup.control.RunMode;
import org.brokersso.tokens.control.TokenHasher;
import org.eclipse.microprofile.config.Config;

/**
 * The password(s) cTrader presents in call 4.1. Several may be configured, comma-separated, so a
 * new one can be rolled out before the old one is withdrawn. In sandbox mode, with none configured,
 * the documented demo password {@value #SANDBOX_PASSWORD} is accepted.
 */
@ApplicationScoped
public class CrmApiPasswords {

  public static final String SANDBOX_PASSWORD = RunMode.SANDBOX_CRM_API_PASSWORD;

  /** Read by {@link #read}: Payara cannot inject {@code Optional<List<String>>}. */
  Optional<List<String>> configured;

  @Inject RunMode mode;

  private List<byte[]> digests;

  @Inject
  void read(Config config) {
    configured = config.getOptionalValues("sso.crm-api.password", String.class);
  }

  @PostConstruct
  void digest() {
    List<String> passwords = configured.orElse(List.of());
    if (passwords.isEmpty() && mode.isSandbox()) {
      passwords = List.of(SANDBOX_PASSWORD);
    }
    digests =
        passwords.stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .map(TokenHasher::digest)
            .toList();
  }

  /**
   * Compares digests with {@link MessageDigest#isEqual} and visits every configured password, so
   * neither the length nor the position of a match shows in the response time.
   */
  public boolean accepts(String candidate) {
    if (candidate == null) {
      return false;
    }
    byte[] presented = TokenHasher.digest(candidate);
    boolean match = false;
    for (byte[] digest : digests) {
      match |= MessageDigest.isEqual(digest, presented);
    }
    return match;
  }
}
