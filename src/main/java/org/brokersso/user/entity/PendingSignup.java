package org.brokersso.user.entity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * A signup waiting for the code mailed to its address: what the form said (the password already
 * hashed), the code's SHA-256, until when it may be entered and how many wrong codes it has taken.
 * Kept in the screen session only; nothing is stored until the code is right. A signup of an
 * address that is already registered holds no code at all, so no code can finish it.
 */
public final class PendingSignup implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Wrong codes a signup takes before it must start again: 5 in 10^6. */
  public static final int ATTEMPTS = 5;

  private final String email;
  private final String passwordHash;
  private final String firstName;
  private final String language;
  private final String partnerId;
  private final byte[] codeHash;
  private final long expiresAt;
  private int wrongCodes;

  public PendingSignup(
      EmailAddress email,
      String passwordHash,
      FirstName firstName,
      String language,
      String partnerId,
      String code,
      Instant expiresAt) {
    this.email = email.value();
    this.passwordHash = passwordHash;
    this.firstName = firstName.value();
    this.language = language;
    this.partnerId = partnerId;
    this.codeHash = code == null ? null : sha256(code);
    this.expiresAt = expiresAt.toEpochMilli();
  }

  /** Whether the code may no longer be entered: expired, or too many wrong ones. */
  public boolean isOverAt(Instant now) {
    return now.toEpochMilli() >= expiresAt || wrongCodes >= ATTEMPTS;
  }

  /**
   * Whether {@code typed} is the mailed code, compared in constant time; a wrong one is counted.
   * The same work is done for a signup that holds no code.
   */
  public boolean accepts(String typed) {
    byte[] candidate = sha256(typed == null ? "" : typed.strip());
    boolean right = MessageDigest.isEqual(codeHash == null ? new byte[32] : codeHash, candidate);
    if (!right || codeHash == null) {
      wrongCodes++;
      return false;
    }
    return true;
  }

  public EmailAddress email() {
    return new EmailAddress(email);
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String firstName() {
    return firstName;
  }

  public String language() {
    return language;
  }

  public String partnerId() {
    return partnerId;
  }

  private static byte[] sha256(String code) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
