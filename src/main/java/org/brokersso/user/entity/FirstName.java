package org.brokersso.user.entity;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A trader's first name as the screens accept it: letters and combining marks of any script, words
 * joined by single spaces, apostrophes ({@code '} or {@code ’}) or hyphens; 1 to {@value
 * #MAX_LENGTH} characters once Unicode-normalised (NFC), trimmed and with runs of spaces made one.
 * Nothing else: no digits, full stops, colons, slashes, markup or control and direction characters,
 * so a name can carry neither a sentence nor a link into anything that shows it.
 */
public record FirstName(String value) {

  public static final int MAX_LENGTH = 60;

  private static final Pattern NAME =
      Pattern.compile("\\p{L}\\p{M}*(?:[\\p{L}\\p{M}]|['’ -](?=\\p{L}))*");
  private static final Pattern SPACES = Pattern.compile(" {2,}");

  /**
   * Whether {@code input} is a name; the screens' text for a refusal is {@code signup.first-name}.
   */
  public static boolean isAcceptable(String input) {
    return normalised(input).isPresent();
  }

  public static FirstName of(String input) {
    return new FirstName(
        normalised(input)
            .orElseThrow(() -> new IllegalArgumentException("Not an acceptable first name")));
  }

  private static Optional<String> normalised(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String name =
        SPACES.matcher(Normalizer.normalize(input, Normalizer.Form.NFC).strip()).replaceAll(" ");
    int length = name.codePointCount(0, name.length());
    return length >= 1 && length <= MAX_LENGTH && NAME.matcher(name).matches()
        ? Optional.of(name)
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
