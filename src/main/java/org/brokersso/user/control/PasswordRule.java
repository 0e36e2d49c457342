package org.brokersso.user.control;

/** A rule of {@link PasswordPolicy}; screens show each one in the trader's language. */
public enum PasswordRule {
  /** Fewer characters than {@code user.password.min-length}. */
  TOO_SHORT,
  /** More than {@link PasswordPolicy#MAX_LENGTH} characters. */
  TOO_LONG
}
