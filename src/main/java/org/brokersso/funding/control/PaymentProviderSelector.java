package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.brokersso.setup.control.RunMode;
import org.brokersso.setup.control.SettingsChecked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks the payment provider from {@code funding.provider}: {@code sandbox} (the default in sandbox
 * mode) or {@code none} (no deposits or withdrawals: they are refused with FUNDING_UNAVAILABLE). No
 * real provider is integrated yet. A live server (with {@code ctrader.url}) must therefore say
 * {@code none} outright, and it refuses to start while the key is unset or says {@code sandbox},
 * which would book money in cTrader that was never collected.
 */
@ApplicationScoped
public class PaymentProviderSelector implements SettingsChecked {

  private static final Logger LOG = Logger.getLogger(PaymentProviderSelector.class.getName());

  static final String SANDBOX = "sandbox";
  static final String NONE = "none";

  @Inject RunMode mode;
  @Inject Instance<SandboxPaymentProvider> sandbox;

  @Inject
  @ConfigProperty(name = "funding.provider")
  Optional<String> configured;

  /** The provider deposits and withdrawals go through; empty when funding is switched off. */
  public Optional<PaymentProvider> provider() {
    return choice(configured, mode.isSandbox()).equals(SANDBOX)
        ? Optional.of(sandbox.get())
        : Optional.empty();
  }

  /** Refuses to start on a choice that cannot work. */
  @Override
  public void checkSettings() {
    String choice = choice(configured, mode.isSandbox());
    if (choice.equals(SANDBOX)) {
      LOG.warning(
          "SANDBOX payment provider: deposits and withdrawals are approved or declined as the screen says; no money moves.");
    } else {
      LOG.info("funding.provider=none: deposits and withdrawals are switched off.");
    }
  }

  /** {@code sandbox} or {@code none}, or why the configuration cannot work. */
  static String choice(Optional<String> configured, boolean sandboxMode) {
    String value =
        configured.map(String::strip).filter(v -> !v.isEmpty()).orElse(sandboxMode ? SANDBOX : "");
    if (value.isEmpty()) {
      throw new IllegalStateException(
          "funding.provider is required when ctrader.url is set (environment variable FUNDING_PROVIDER): no real payment provider"
              + " is integrated yet, so set it to 'none' to run without deposits and withdrawals");
    }
    if (value.equals(SANDBOX) && !sandboxMode) {
      throw new IllegalStateException(
          "funding.provider=sandbox is refused when ctrader.url is set: it approves payments without collecting money, and"
              + " cTrader would be credited for them; set funding.provider=none");
    }
    if (!value.equals(SANDBOX) && !value.equals(NONE)) {
      throw new IllegalStateException(
          "funding.provider must be 'sandbox' or 'none', not '" + value + "'");
    }
    return value;
  }
}
