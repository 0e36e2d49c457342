package org.brokersso.setup.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What must be configured before the product may serve cTrader. Live (with {@code ctrader.url})
 * every Spotware-issued value and the CRM API password are required; in the sandbox the documented
 * demo values stand in. In both modes the crmApiToken must live at least the week the contract
 * asks.
 */
public final class RequiredSettings {

  /** Keys that have no default and must be configured when talking to a real cTrader. */
  public static final List<String> LIVE_KEYS =
      List.of(
          "sso.crm-api.password",
          "ctrader.broker-crm-name",
          "ctrader.broker-name",
          "ctrader.manager.login",
          "ctrader.manager.password",
          "screen.public-url",
          "mail.smtp.host");

  static final Duration MIN_CRM_API_TOKEN_TTL = Duration.ofDays(7);

  /**
   * The shortest CRM API password (call 4.1) a live server accepts, as for the operator password:
   * 4.1 answers a token to whoever knows it, so it must not be guessable.
   */
  static final int MIN_CRM_API_PASSWORD_LENGTH = 16;

  private RequiredSettings() {}

  /** Every problem found, each as one sentence a sysadmin can act on; empty when all is well. */
  public static List<String> problems(Function<String, Optional<String>> config, boolean sandbox) {
    List<String> problems = new ArrayList<>();
    if (!sandbox) {
      for (String key : LIVE_KEYS) {
        if (config.apply(key).filter(v -> !v.isBlank()).isEmpty()) {
          problems.add(
              key
                  + " is required when ctrader.url is set (environment variable "
                  + envName(key)
                  + ")");
        }
      }
    }
    if (!sandbox
        && config
            .apply("ctrader.manager.login")
            .filter(v -> !v.isBlank() && !v.strip().matches("\\d{1,18}"))
            .isPresent()) {
      problems.add("ctrader.manager.login must be the manager's numeric login");
    }
    if (!sandbox
        && config.apply("sso.crm-api.password").stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .map(String::strip)
            .anyMatch(p -> !p.isEmpty() && p.length() < MIN_CRM_API_PASSWORD_LENGTH)) {
      // never the password itself: this sentence goes to the log
      problems.add(
          "sso.crm-api.password: every password must have at least "
              + MIN_CRM_API_PASSWORD_LENGTH
              + " characters");
    }
    for (String key :
        List.of(
            "sso.ot-token.ttl",
            "sso.access-token.ttl",
            "sso.crm-api-token.ttl",
            "ctrader.timeout")) {
      Optional<Duration> ttl = duration(config, key, problems);
      if (ttl.isPresent() && (ttl.get().isNegative() || ttl.get().isZero())) {
        problems.add(key + " must be a positive ISO-8601 duration");
      }
      if (key.equals("sso.crm-api-token.ttl")
          && ttl.filter(t -> t.compareTo(MIN_CRM_API_TOKEN_TTL) < 0).isPresent()) {
        problems.add(key + " must be at least P7D: cTrader expects its token to last a week");
      }
    }
    return problems;
  }

  private static Optional<Duration> duration(
      Function<String, Optional<String>> config, String key, List<String> problems) {
    Optional<String> value = config.apply(key);
    if (value.isEmpty()) {
      problems.add(key + " is not set");
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(value.get().strip()));
    } catch (DateTimeParseException e) {
      problems.add(key + " must be an ISO-8601 duration such as PT60S, not '" + value.get() + "'");
      return Optional.empty();
    }
  }

  /**
   * The environment variable MicroProfile Config maps to a key ({@code sso.crm-api.password} →
   * SSO_CRM_API_PASSWORD).
   */
  static String envName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
  }
}
