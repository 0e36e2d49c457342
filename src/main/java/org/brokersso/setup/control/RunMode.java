package org.brokersso.setup.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sandbox or live, decided by one key: with {@code ctrader.url} unset the product talks to its
 * in-process stand-in for cTrader and may fall back to documented demo values; with it set, every
 * required key must be configured (see {@link RequiredSettings}).
 */
@ApplicationScoped
public class RunMode {

  /**
   * The CRM API password (call 4.1) a sandbox accepts when none is configured: documented, so the
   * sandbox can be tried with curl. Live mode never accepts it.
   */
  public static final String SANDBOX_CRM_API_PASSWORD = "sandbox-crm-api-password";

  @Inject
  @ConfigProperty(name = "ctrader.url")
  Optional<String> ctraderUrl;

  public boolean isSandbox() {
    return ctraderUrl.filter(url -> !url.isBlank()).isEmpty();
  }
}
