package org.brokersso.user.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address in its one canonical form, the form that is stored, looked up and throttled on:
 * trimmed, Unicode-normalised (NFKC), lower-cased with {@link Locale#ROOT} and normalised again. So
 * {@code ALICE@x}, {@code Alice@x} and a full-width {@code Ａlice@x} are one address, while {@code
 * alíce@x} and {@code alice@x} are two, compared byte for byte (the database column is binary,
 * V10). At most 254 characters, no control, format or unassigned characters, and not an Apple
 * private relay, which cTrader refuses to create users for (§6.11).
 *
 * <p>The domain gets the same treatment and stays in Unicode: it is not converted to its ASCII
 * ({@code xn--}) form, so a domain typed both ways makes two addresses. Lower-casing is Java's
 * simple one, not full case folding: {@code ß} and {@code ss} stay different.
 */
public record EmailAddress(String value) {

  private static final Pattern FORMAT =
      Pattern.compile("[^@\\s\\p{C}]{1,64}@[^@\\s\\p{C}]+\\.[^@\\s\\p{C}]+");
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

  /** The canonical form of {@code input} (see the class comment); checks nothing. */
  public static String normalise(String input) {
    String compatible = Normalizer.normalize(input.strip(), Normalizer.Form.NFKC);
    // lower-casing may produce a sequence NFKC would write otherwise, hence once more
    return Normalizer.normalize(compatible.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
  }

  @Override
  public String toString() {
    return value;
  }
}
