package org.brokersso.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.brokersso.tokens.entity.TokenKind;

/**
 * Mints new token values: {@link TokenKind#RANDOM_BYTES} from {@link SecureRandom}, URL-safe.
 *
 * <p>One generator per thread: a shared {@code SecureRandom} synchronises every call, and under
 * load the request threads queued on it (docs/benchmarks.md). Each is a DRBG instantiated at
 * 256-bit strength, seeded and reseeded from the operating system's entropy.
 */
@ApplicationScoped
public class TokenMint {

  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(TokenMint::newGenerator);

  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance(
          "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("DRBG is required of every Java 9+ runtime", e);
    }
  }

  public MintedToken mint(TokenKind kind) {
    byte[] bytes = new byte[TokenKind.RANDOM_BYTES];
    RANDOM.get().nextBytes(bytes);
    String value = kind.prefix() + URL_SAFE.encodeToString(bytes);
    return new MintedToken(value, TokenHasher.hash(value));
  }

  /** A freshly minted token: the value goes to the caller once, only the hash is stored. */
  public record MintedToken(String value, String hash) {
    @Override
    public String toString() {
      return "MintedToken[hash=" + hash.substring(0, 8) + "…]";
    }
  }
}
