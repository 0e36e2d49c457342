package org.brokersso.setup.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

  private final Map<String, String> config =
      new HashMap<>(
          Map.of(
              "sso.ot-token.ttl",
              "PT60S",
              "sso.access-token.ttl",
              "P90D",
              "sso.crm-api-token.ttl",
              "P7D",
              "ctrader.timeout",
              "PT10S"));

  private List<String> problems(boolean sandbox) {
    return RequiredSettings.problems(key -> Optional.ofNullable(config.get(key)), sandbox);
  }

  @Test
  void theSandboxNeedsNothingBeyondTheDefaults() {
    assertEquals(List.of(), problems(true));
  }

  @Test
  void liveModeNamesEveryMissingKeyWithItsEnvironmentVariable() {
    List<String> problems = problems(false);
    assertEquals(7, problems.size(), problems.toString());
    assertTrue(
        problems.get(5).contains("SCREEN_PUBLIC_URL"),
        "the reset links' base must not come from a Host header");
    assertTrue(
        problems.get(6).contains("MAIL_SMTP_HOST"), "a live server must deliver reset mails");
    config.put("screen.public-url", "https://crm.example.com");
    config.put("mail.smtp.host", "smtp.example.com");
    assertTrue(
        problems.get(0).contains("sso.crm-api.password")
            && problems.get(0).contains("SSO_CRM_API_PASSWORD"));
    assertTrue(problems.get(1).contains("CTRADER_BROKER_CRM_NAME"));
    config.put("sso.crm-api.password", "a-long-crm-api-secret");
    config.put("ctrader.broker-crm-name", "EXAMPLE_CRM");
    config.put("ctrader.broker-name", " ");
    config.put("ctrader.manager.login", "30417");
    assertEquals(2, problems(false).size());
    assertTrue(problems(false).get(1).contains("CTRADER_MANAGER_PASSWORD"));
    config.put("ctrader.manager.password", "secret");
    assertEquals(1, problems(false).size());
    config.put("ctrader.manager.login", "manager-one");
    assertTrue(problems(false).get(1).contains("numeric"), problems(false).toString());
    config.put("ctrader.manager.login", "30417");
    config.put("ctrader.broker-name", "EXAMPLE");
    assertEquals(List.of(), problems(false));
  }

  @Test
  void liveModeRefusesAGuessableCrmApiPassword() {
    config.putAll(
        Map.of(
            "ctrader.url", "https://ctrader.example",
            "ctrader.broker-crm-name", "EXAMPLE_CRM",
            "ctrader.broker-name", "EXAMPLE",
            "ctrader.manager.login", "30417",
            "ctrader.manager.password", "secret",
            "screen.public-url", "https://crm.example.com",
            "mail.smtp.host", "smtp.example.com"));
    config.put("sso.crm-api.password", "ab");
    assertEquals(1, problems(false).size(), problems(false).toString());
    assertTrue(problems(false).get(0).contains("at least 16"), problems(false).toString());
    // every password of a rotation counts, and the message never repeats a password
    config.put("sso.crm-api.password", "a-long-crm-api-secret, short1");
    assertEquals(1, problems(false).size(), problems(false).toString());
    assertTrue(!problems(false).get(0).contains("short1"), problems(false).toString());
    config.put("sso.crm-api.password", "a-long-crm-api-secret, another-long-secret");
    assertEquals(List.of(), problems(false));
    assertEquals(List.of(), problems(true), "the sandbox's demo password is documented, not live");
  }

  @Test
  void theCrmApiTokenMustLastAWeek() {
    config.put("sso.crm-api-token.ttl", "P6D");
    assertTrue(problems(true).get(0).contains("at least P7D"));
    config.put("sso.crm-api-token.ttl", "P30D");
    assertEquals(List.of(), problems(true));
  }

  @Test
  void lifetimesMustBePositiveIsoDurations() {
    config.put("sso.ot-token.ttl", "60");
    config.put("sso.access-token.ttl", "PT0S");
    List<String> problems = problems(true);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("ISO-8601"));
    assertTrue(problems.get(1).contains("positive"));
  }
}
