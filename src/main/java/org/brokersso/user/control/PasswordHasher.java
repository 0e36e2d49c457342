package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.brokersso.setup.control.SettingsChecked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks traders' passwords with PBKDF2-HMAC-SHA256 from the JDK, in the self-describing
 * form of {@link StoredPassword} with a fresh 16-byte salt each time. A stored value is checked
 * with its own iteration count; {@link #needsRehash} tells the login screen when that count is
 * below {@code user.password.iterations}, so it can store a new hash while it holds the password.
 *
 * <p>One hash keeps a core busy for a noticeable time (600,000 iterations: about 130 ms on the
 * 2-core build machine, 14 a second with both cores), so at most {@code
 * user.password.hashing-concurrency} run at once, served in arrival order. A caller that gets no
 * turn within {@code user.password.hashing-wait} gets {@link PasswordHashingBusy} instead of
 * queueing without end: a login flood slows logins down but leaves cTrader's token calls their CPU.
 *
 * <p>Passwords and hashes are never logged. The copies made here are wiped after use; the caller's
 * array is left alone, and the JDK's derived-key object clears its own copy when it is collected.
 */
@ApplicationScoped
public class PasswordHasher implements SettingsChecked {

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a lower setting stops the deployment. */
  public static final int MIN_ITERATIONS = 600_000;

  private static final int SALT_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private int iterations;
  private Duration wait;
  private StoredPassword dummy;
  Semaphore permits; // package-private: a test holds a permit to see the bound at work

  PasswordHasher() {} // for CDI's client proxy

  @Inject
  PasswordHasher(
      @ConfigProperty(name = "user.password.iterations") int iterations,
      @ConfigProperty(name = "user.password.hashing-concurrency") int concurrency,
      @ConfigProperty(name = "user.password.hashing-wait") Duration wait) {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalStateException(
          "user.password.iterations is "
              + iterations
              + "; it must be at least "
              + MIN_ITERATIONS
              + " (OWASP 2023 for PBKDF2-HMAC-SHA256)");
    }
    if (concurrency < 1) {
      throw new IllegalStateException(
          "user.password.hashing-concurrency must be at least 1, not " + concurrency);
    }
    if (wait.isNegative()) {
      throw new IllegalStateException("user.password.hashing-wait must not be negative");
    }
    this.iterations = iterations;
    this.wait = wait;
    this.permits = new Semaphore(concurrency, true);
    this.dummy =
        new StoredPassword(
            iterations, randomBytes(SALT_BYTES), randomBytes(StoredPassword.HASH_BYTES));
  }

  /** The value to store for a new password. */
  public String hash(char[] password) {
    byte[] salt = randomBytes(SALT_BYTES);
    return new StoredPassword(iterations, salt, derive(password, salt, iterations)).encoded();
  }

  /**
   * Whether the password matches the stored value, compared in constant time. With no stored value
   * (an unknown e-mail, a trader without a password) it does the work of {@link
   * #verifyAgainstDummy}.
   *
   * @throws IllegalArgumentException when the stored value is not in the {@link StoredPassword}
   *     form
   */
  public boolean verify(char[] password, String encoded) {
    if (encoded == null) {
      return verifyAgainstDummy(password);
    }
    return matches(password, StoredPassword.parse(encoded));
  }

  /**
   * Spends what checking a known trader's password costs, then answers false: the login screen
   * calls it for an unknown e-mail, so the response time does not tell which e-mails have an
   * account.
   */
  public boolean verifyAgainstDummy(char[] password) {
    matches(password, dummy);
    return false;
  }

  /** Whether the stored value was hashed with fewer iterations than are configured now. */
  public boolean needsRehash(String encoded) {
    return StoredPassword.parse(encoded).iterations() < iterations;
  }

  private boolean matches(char[] password, StoredPassword stored) {
    byte[] candidate = derive(password, stored.salt(), stored.iterations());
    try {
      return MessageDigest.isEqual(candidate, stored.hash());
    } finally {
      Arrays.fill(candidate, (byte) 0);
    }
  }

  private byte[] derive(char[] password, byte[] salt, int rounds) {
    acquirePermit();
    PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, StoredPassword.HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every Java runtime", e);
    } finally {
      spec.clearPassword();
      permits.release();
    }
  }

  private void acquirePermit() {
    try {
      if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new PasswordHashingBusy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHashingBusy();
    }
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
