package org.brokersso.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.brokersso.setup.control.RunMode;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether cTrader is real or the sandbox, so a monitoring screen cannot mistake one for the
 * other.
 */
@Readiness
@ApplicationScoped
public class BackendModeReadiness implements HealthCheck {

  @Inject RunMode mode;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("ctrader-backend")
        .up()
        .withData("mode", mode.isSandbox() ? "sandbox" : "live")
        .build();
  }
}
