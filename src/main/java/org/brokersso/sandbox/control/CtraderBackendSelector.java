package org.brokersso.sandbox.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.RestCtraderBackend;
import org.brokersso.ctrader.control.WebservSettings;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.setup.control.RunMode;
import org.eclipse.microprofile.config.Config;

/**
 * The one source of the injectable {@link CtraderBackend}: the REST client when {@code ctrader.url}
 * is set, the sandbox otherwise. Both implementations restrict their bean types ({@code @Typed}, or
 * not a bean at all), so nothing else can be injected by mistake. The choice is made and logged at
 * start-up.
 */
@ApplicationScoped
public class CtraderBackendSelector {

  private static final Logger LOG = Logger.getLogger(CtraderBackendSelector.class.getName());

  @Inject RunMode mode;
  @Inject Config config;
  @Inject Metrics metrics;
  @Inject Instance<SandboxCtraderBackend> sandbox;

  @Produces
  @ApplicationScoped
  CtraderBackend backend() {
    if (mode.isSandbox()) {
      LOG.warning(
          "SANDBOX MODE: cTrader calls (3.1-3.13) are answered by the in-process sandbox (tables sandbox_*);"
              + " no real cTrader user or trading account is created.");
      return sandbox.get();
    }
    WebservSettings settings =
        WebservSettings.from(key -> config.getOptionalValue(key, String.class));
    LOG.info(() -> "cTrader backend: " + settings);
    return new RestCtraderBackend(
        settings,
        (call, outcome, took) -> metrics.observe(Meter.CTRADER_CALLS, took, call, outcome));
  }

  /** Makes the choice, and its log line, part of the start-up rather than of the first call. */
  void choose(
      @Observes @Priority(SELECTION) @Initialized(ApplicationScoped.class) Object started,
      CtraderBackend backend) {
    backend.mode();
  }

  /** After the configuration checks and the schema migration. */
  static final int SELECTION = 200;
}
