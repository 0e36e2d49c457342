package org.brokersso.sso.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.brokersso.setup.control.RunMode;
import org.junit.jupiter.api.Test;

class CrmApiPasswordsTest {

  private static CrmApiPasswords with(String configured, boolean sandbox) {
    CrmApiPasswords passwords = new CrmApiPasswords();
    // as MicroProfile Config hands a comma-separated value over
    passwords.configured = Optional.ofNullable(configured).map(v -> List.of(v.split(",")));
    passwords.mode =
        new RunMode() {
          @Override
          public boolean isSandbox() {
            return sandbox;
          }
        };
    passwords.digest();
    return passwords;
  }

  @Test
  void acceptsEveryPasswordOfARotation() {
    CrmApiPasswords passwords = with("old-secret, new-secret", false);
    assertTrue(passwords.accepts("old-secret"));
    assertTrue(passwords.accepts("new-secret"));
    assertFalse(passwords.accepts("other"));
    assertFalse(passwords.accepts("old-secret, new-secret"));
    assertFalse(passwords.accepts(""));
    assertFalse(passwords.accepts(null));
  }

  @Test
  void theDemoPasswordIsAcceptedOnlyInTheSandboxAndOnlyWhenNoneIsConfigured() {
    assertTrue(with(null, true).accepts(CrmApiPasswords.SANDBOX_PASSWORD));
    assertFalse(with("configured", true).accepts(CrmApiPasswords.SANDBOX_PASSWORD));
    assertFalse(with(null, false).accepts(CrmApiPasswords.SANDBOX_PASSWORD));
  }
}
