package org.brokersso.user.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy(10);

  @Test
  void lengthMustLieBetweenTheMinimumAnd128() {
    assertEquals(Optional.of(PasswordRule.TOO_SHORT), policy.broken(new char[0]));
    assertEquals(Optional.of(PasswordRule.TOO_SHORT), policy.broken("123456789".toCharArray()));
    assertEquals(Optional.empty(), policy.broken("1234567890".toCharArray()));
    assertEquals(Optional.empty(), policy.broken("x".repeat(128).toCharArray()));
    assertEquals(Optional.of(PasswordRule.TOO_LONG), policy.broken("x".repeat(129).toCharArray()));
  }

  @Test
  void lengthIsCountedInCharactersNotUtf16Units() {
    String chart = "\uD83D\uDCC8"; // one character outside the BMP, two UTF-16 units
    assertEquals(Optional.of(PasswordRule.TOO_SHORT), policy.broken(chart.repeat(5).toCharArray()));
    assertEquals(Optional.empty(), policy.broken(chart.repeat(10).toCharArray()));
    assertEquals(Optional.empty(), policy.broken(chart.repeat(128).toCharArray()));
  }

  @Test
  void minimumComesFromTheSetting() {
    PasswordPolicy twelve = new PasswordPolicy(12);
    assertEquals(12, twelve.minLength());
    assertEquals(Optional.of(PasswordRule.TOO_SHORT), twelve.broken("12345678901".toCharArray()));
  }

  @Test
  void minimumBelowEightOrAbove128IsRefused() {
    assertThrows(IllegalStateException.class, () -> new PasswordPolicy(7));
    assertThrows(IllegalStateException.class, () -> new PasswordPolicy(129));
    assertEquals(8, new PasswordPolicy(8).minLength());
  }
}
