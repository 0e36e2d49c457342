package org.brokersso.user.control;

import java.util.Base64;

/**
 * A stored password hash in its self-describing text form, {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in Base64 without padding). The
 * iteration count travels with each value, so the configured count can rise without breaking the
 * values stored before.
 */
record StoredPassword(int iterations, byte[] salt, byte[] hash) {

  static final String SCHEME = "pbkdf2-sha256";
  static final int HASH_BYTES = 32;

  static StoredPassword parse(String encoded) {
    String[] parts = encoded.split("\\$", -1);
    try {
      if (parts.length == 4 && parts[0].equals(SCHEME)) {
        Base64.Decoder base64 = Base64.getDecoder();
        StoredPassword stored =
            new StoredPassword(
                Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
        if (stored.iterations > 0 && stored.salt.length > 0 && stored.hash.length == HASH_BYTES) {
          return stored;
        }
      }
    } catch (IllegalArgumentException malformed) {
      // reported below without the value: a stored hash is never put into a message or a log
    }
    throw new IllegalArgumentException(
        "A stored password hash is not in the " + SCHEME + " format");
  }

  String encoded() {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  /** Leaves salt and hash out, so that logging a value cannot leak it. */
  @Override
  public String toString() {
    return "StoredPassword[" + SCHEME + ", " + iterations + " iterations]";
  }
}
