package org.brokersso.user.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingSignupTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static PendingSignup pending(String code) {
    return new PendingSignup(
        EmailAddress.of("ada@example.com"),
        "hash",
        FirstName.of("Ada"),
        "en",
        null,
        code,
        NOW.plusSeconds(1800));
  }

  @Test
  void theMailedCodeIsAcceptedWithinItsTime() {
    PendingSignup signup = pending("048213");
    assertFalse(signup.accepts("048214"));
    assertTrue(signup.accepts(" 048213 "));
    assertFalse(signup.isOverAt(NOW.plusSeconds(1799)));
    assertTrue(signup.isOverAt(NOW.plusSeconds(1800)), "expired");
  }

  @Test
  void fiveWrongCodesEndIt() {
    PendingSignup signup = pending("048213");
    for (int i = 0; i < PendingSignup.ATTEMPTS; i++) {
      assertFalse(signup.isOverAt(NOW));
      assertFalse(signup.accepts("000000"));
    }
    assertTrue(signup.isOverAt(NOW));
  }

  @Test
  void aSignupOfARegisteredAddressHoldsNoCodeAndAcceptsNone() {
    PendingSignup signup = pending(null);
    for (String guess : new String[] {"", "000000", null, "\0"}) {
      assertFalse(signup.accepts(guess), String.valueOf(guess));
    }
  }
}
