package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.brokersso.setup.control.SettingsChecked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a new password must satisfy, on signup and on reset: a length between {@code
 * user.password.min-length} and {@value #MAX_LENGTH} characters, counted in Unicode code points,
 * and nothing else, following NIST SP 800-63B (length over composition rules). The upper bound caps
 * what a form can make the server hash: PBKDF2 takes the password as its HMAC key once, so the cost
 * hardly grows with length, but no pass-phrase needs more.
 */
@ApplicationScoped
public class PasswordPolicy implements SettingsChecked {

  public static final int MAX_LENGTH = 128;

  /** NIST SP 800-63B's floor; a lower {@code user.password.min-length} stops the deployment. */
  static final int LOWEST_MIN_LENGTH = 8;

  private int minLength;

  PasswordPolicy() {} // for CDI's client proxy

  @Inject
  PasswordPolicy(@ConfigProperty(name = "user.password.min-length") int minLength) {
    if (minLength < LOWEST_MIN_LENGTH || minLength > MAX_LENGTH) {
      throw new IllegalStateException(
          "user.password.min-length must be between "
              + LOWEST_MIN_LENGTH
              + " and "
              + MAX_LENGTH
              + ", not "
              + minLength);
    }
    this.minLength = minLength;
  }

  /** The rule the password breaks, or empty when it may be used. */
  public Optional<PasswordRule> broken(char[] password) {
    int length = Character.codePointCount(password, 0, password.length);
    if (length < minLength) {
      return Optional.of(PasswordRule.TOO_SHORT);
    }
    if (length > MAX_LENGTH) {
      return Optional.of(PasswordRule.TOO_LONG);
    }
    return Optional.empty();
  }

  /** For the screens' hint ("at least 10 characters"). */
  public int minLength() {
    return minLength;
  }
}
