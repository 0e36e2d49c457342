package org.brokersso.user.control;

import java.util.Locale;

/** A rule of {@link PasswordPolicy}; screens show each one in the trader's language. */
public enum PasswordRule {
  /** Fewer characters than {@code user.password.min-length}. */
  TOO_SHORT,
  /** More than {@link PasswordPolicy#MAX_LENGTH} characters. */
  TOO_LONG;

  /** The screens' text for it: {@code password.too-short} etc. (with the minimum length as {0}). */
  public String messageKey() {
    return "password." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
