package org.brokersso.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker identifiers the sandbox's cTrader knows: the configured ones, or demo values when none
 * are configured (they are required only in live mode). A request naming another broker is refused
 * as the real backend would (CH_PLANT_INVALID, CH_BROKER_NOT_FOUND).
 */
@ApplicationScoped
public class SandboxIdentity {

  public static final String DEMO_BROKER_CRM_NAME = "sandbox_crm";
  public static final String DEMO_BROKER_NAME = "sandbox_broker";

  @Inject
  @ConfigProperty(name = "ctrader.broker-crm-name")
  Optional<String> brokerCrmName;

  @Inject
  @ConfigProperty(name = "ctrader.broker-name")
  Optional<String> brokerName;

  @Inject
  @ConfigProperty(name = "ctrader.environment-name")
  String environmentName;

  public String brokerCrmName() {
    return brokerCrmName.filter(v -> !v.isBlank()).orElse(DEMO_BROKER_CRM_NAME);
  }

  public String brokerName() {
    return brokerName.filter(v -> !v.isBlank()).orElse(DEMO_BROKER_NAME);
  }

  public String environmentName() {
    return environmentName;
  }
}
