package org.brokersso.ctrader.control;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything {@link RestCtraderBackend} reads from configuration, resolved once at start-up. The
 * manager password is held only to be hashed; {@link #toString} leaves it out.
 */
public record WebservSettings(
    URI url,
    long managerLogin,
    String managerPassword,
    String brokerCrmName,
    String brokerName,
    String environmentName,
    Duration timeout,
    int readRetries,
    String changeEmailMethod,
    String userIdByEmailPath,
    String logOutMethod,
    String logOutPath,
    String inAppTokenRedeemPath) {

  /**
   * Reads the {@code ctrader.*} keys; the registered defaults come from
   * microprofile-config.properties.
   */
  public static WebservSettings from(Function<String, Optional<String>> config) {
    Function<String, String> required =
        key ->
            config
                .apply(key)
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException(key + " is not set"));
    String url = required.apply("ctrader.url").strip();
    return new WebservSettings(
        URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
        Long.parseLong(required.apply("ctrader.manager.login").strip()),
        required.apply("ctrader.manager.password"),
        required.apply("ctrader.broker-crm-name"),
        required.apply("ctrader.broker-name"),
        required.apply("ctrader.environment-name"),
        Duration.parse(required.apply("ctrader.timeout").strip()),
        Integer.parseInt(required.apply("ctrader.read.retries").strip()),
        required.apply("ctrader.change-email.method").strip().toUpperCase(Locale.ROOT),
        required.apply("ctrader.user-id-by-email.path").strip(),
        required.apply("ctrader.log-out.method").strip().toUpperCase(Locale.ROOT),
        required.apply("ctrader.log-out.path").strip(),
        required.apply("ctrader.inapp-token.redeem-path").strip());
  }

  public URI resolve(String path) {
    return URI.create(url + (path.startsWith("/") ? path : "/" + path));
  }

  @Override
  public String toString() {
    return "WebservSettings["
        + url
        + ", manager "
        + managerLogin
        + ", "
        + brokerCrmName
        + "/"
        + brokerName
        + "/"
        + environmentName
        + ", timeout "
        + timeout
        + "]";
  }
}
