package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import org.brokersso.sso.entity.TokenKind;

/** Mints new token values: {@link TokenKind#RANDOM_BYTES} from {@link SecureRandom}, URL-safe. */
@ApplicationScoped
public class TokenMint {

  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();

  public MintedToken mint(TokenKind kind) {
    byte[] bytes = new byte[TokenKind.RANDOM_BYTES];
    random.nextBytes(bytes);
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
