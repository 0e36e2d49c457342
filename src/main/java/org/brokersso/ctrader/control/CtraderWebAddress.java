package org.brokersso.ctrader.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.brokersso.setup.control.RunMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where embedded cTrader Web lives (§5.6): {@code ctrader.web-url}, else cTrader's own {@code
 * https://app.ctrader.com/info} live, or the sandbox's stand-in on a laptop (a real cTrader Web
 * could not redeem a sandbox token).
 */
@ApplicationScoped
public class CtraderWebAddress {

  static final String CTRADER_WEB = "https://app.ctrader.com/info";
  static final String SANDBOX_STAND_IN = "/sandbox/ctrader-web";

  @Inject RunMode mode;

  @Inject
  @ConfigProperty(name = "ctrader.web-url")
  Optional<String> configured;

  public String url() {
    return configured
        .filter(u -> !u.isBlank())
        .orElse(mode.isSandbox() ? SANDBOX_STAND_IN : CTRADER_WEB);
  }
}
