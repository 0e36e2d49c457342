package org.brokersso.operator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.brokersso.operator.control.OperatorPassword.Check;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperatorPasswordTest {

  private static final String SECRET = "correct:horse battery staple";

  @Test
  @DisplayName("HTTP Basic with any user name; the password may contain ':'")
  void accepted() {
    assertEquals(Check.ACCEPTED, configured(SECRET).check(basic("operator:" + SECRET)));
    assertEquals(Check.ACCEPTED, configured(SECRET).check(basic(":" + SECRET)));
    assertEquals(
        Check.ACCEPTED,
        configured(SECRET)
            .check(
                "basic "
                    + Base64.getEncoder()
                        .encodeToString(("ops:" + SECRET).getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void wrong() {
    assertEquals(Check.WRONG, configured(SECRET).check(basic("operator:" + SECRET + "x")));
    assertEquals(Check.WRONG, configured(SECRET).check(basic("operator:")));
  }

  @Test
  @DisplayName("no header, another scheme, bad base64 or no colon: credentials missing")
  void missing() {
    OperatorPassword password = configured(SECRET);
    assertEquals(Check.MISSING, password.check(null));
    assertEquals(Check.MISSING, password.check("Bearer " + SECRET));
    assertEquals(Check.MISSING, password.check("Basic !!!"));
    assertEquals(Check.MISSING, password.check(basic(SECRET.replace(":", ""))));
  }

  @Test
  @DisplayName("unset or blank: there are no operators, whatever is sent")
  void unset() {
    assertEquals(Check.NO_OPERATORS, configured(null).check(basic("operator:" + SECRET)));
    assertEquals(Check.NO_OPERATORS, configured("  ").check(null));
  }

  @Test
  @DisplayName("a password shorter than 16 characters refuses the start")
  void tooShort() {
    assertThrows(IllegalStateException.class, () -> configured("short-secret"));
  }

  private static OperatorPassword configured(String secret) {
    OperatorPassword password = new OperatorPassword();
    password.configured = Optional.ofNullable(secret);
    password.digest();
    return password;
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
