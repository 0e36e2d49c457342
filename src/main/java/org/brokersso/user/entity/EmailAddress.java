package org.brokersso.user.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as the screens accept it: trimmed, lower-cased (one trader, one address,
 * whatever the capitals), at most 254 characters, and not an Apple private relay, which cTrader
 * refuses to create users for (§6.11).
 */
public record EmailAddress(String value) {

  private static final Pattern FORMAT = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final String APPLE_RELAY = "@privaterelay.appleid.com";

  public enum Problem {
    MISSING,
    MALFORMED,
    APPLE_RELAY;

    /** The screens' text for it: {@code email.apple-relay} etc. */
    public String messageKey() {
      return "email." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The address {@code input} names, or the reason it is not acceptable. */
  public static Optional<Problem> problemWith(String input) {
    if (input == null || input.isBlank()) {
      return Optional.of(Problem.MISSING);
    }
    String normalised = normalise(input);
    if (normalised.length() > 254 || !FORMAT.matcher(normalised).matches()) {
      return Optional.of(Problem.MALFORMED);
    }
    if (normalised.endsWith(APPLE_RELAY)) {
      return Optional.of(Problem.APPLE_RELAY);
    }
    return Optional.empty();
  }

  public static EmailAddress of(String input) {
    problemWith(input)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("Not an acceptable e-mail address: " + p);
            });
    return new EmailAddress(normalise(input));
  }

  public static String normalise(String input) {
    return input.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
