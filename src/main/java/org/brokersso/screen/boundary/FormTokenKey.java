package org.brokersso.screen.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's key for {@link FormToken}s: {@code screen.form-token.key} (Base64, at least 32
 * bytes), which every instance of a cluster must share so that a form rendered by one is accepted
 * by another; unset, a random key per instance (one server; a restart only refuses forms rendered
 * before it, with the "page expired" screen).
 */
@ApplicationScoped
public class FormTokenKey {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MINIMUM_BYTES = 32;

  @Inject
  @ConfigProperty(name = "screen.form-token.key")
  Optional<String> configured;

  private SecretKeySpec key;

  @PostConstruct
  void load() {
    byte[] bytes;
    if (configured.isPresent()) {
      try {
        bytes = Base64.getDecoder().decode(configured.get().strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("screen.form-token.key is not Base64"); // never the value
      }
      if (bytes.length < MINIMUM_BYTES) {
        throw new IllegalStateException(
            "screen.form-token.key has " + bytes.length + " bytes; it needs " + MINIMUM_BYTES);
      }
    } else {
      bytes = new byte[MINIMUM_BYTES];
      new SecureRandom().nextBytes(bytes);
    }
    key = new SecretKeySpec(bytes, ALGORITHM);
  }

  /** HMAC-SHA256 of {@code binding}, Base64url without padding. */
  String sign(String binding) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
