package org.brokersso.user.boundary;

import java.util.Arrays;

/**
 * A password as a form posted it, held as {@code char[]} only for the one check or hash it is for
 * and wiped when the try-with-resources block ends, whatever happened inside.
 */
public final class TypedPassword implements AutoCloseable {

  private final char[] characters;

  private TypedPassword(char[] characters) {
    this.characters = characters;
  }

  /** The posted field's value; a missing field is an empty password. */
  public static TypedPassword of(String posted) {
    return new TypedPassword(posted == null ? new char[0] : posted.toCharArray());
  }

  public char[] characters() {
    return characters;
  }

  @Override
  public void close() {
    Arrays.fill(characters, '\0');
  }
}
