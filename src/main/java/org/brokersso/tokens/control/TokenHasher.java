package org.brokersso.tokens.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a token, the only form in which tokens are stored. A token carries 256 random bits, so
 * a plain hash (no salt, no HMAC key) already makes a database dump useless, and tokens are found
 * by hash, so no comparison ever runs over a secret.
 */
public final class TokenHasher {

  private TokenHasher() {}

  public static String hash(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  /** Raw digest, for constant-time comparison of secrets that are not looked up (passwords). */
  public static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
