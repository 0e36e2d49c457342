package org.brokersso.setup.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.brokersso.setup.control.ApplicationStart;
import org.brokersso.setup.control.RefusedStart;
import org.brokersso.setup.control.RequiredSettings;
import org.brokersso.setup.control.RunMode;
import org.brokersso.setup.control.SettingsChecked;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to deploy, with one message listing every problem, when the configuration cannot work;
 * says loudly at start-up when the product runs in sandbox mode; and, once every other start-up
 * step has run, lets requests in ({@link ApplicationStart}). The check runs before anything else of
 * the application starts (schema migration included), so a refused start changes nothing.
 */
@ApplicationScoped
public class StartupChecks {

  private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

  /**
   * After every other start-up observer (the default priority is 2500; the schema migration is
   * 100).
   */
  static final int LAST = 100_000;

  @Inject Config config;
  @Inject RunMode mode;
  @Inject @Any Instance<SettingsChecked> checkedBeans;
  @Inject RefusedStart refusal;

  void check(@Observes @Priority(10) @Initialized(ApplicationScoped.class) Object started) {
    List<String> problems =
        new ArrayList<>(
            RequiredSettings.problems(
                key -> config.getOptionalValue(key, String.class), mode.isSandbox()));
    for (SettingsChecked bean : checkedBeans) {
      try {
        bean.checkSettings();
      } catch (RuntimeException refused) {
        problems.add(RefusedStart.reason(refused));
      }
    }
    if (!problems.isEmpty()) {
      throw refusal.refuse(problems);
    }
    if (mode.isSandbox()) {
      LOG.warning(
          "SANDBOX MODE: ctrader.url is not set, so no real cTrader is called. Demo values are in use where"
              + " nothing is configured (CRM API password '"
              + (config.getOptionalValue("sso.crm-api.password", String.class).isPresent()
                  ? "<configured>"
                  : RunMode.SANDBOX_CRM_API_PASSWORD)
              + "'). Do not expose this instance to traders.");
    }
  }

  void serve(@Observes @Priority(LAST) @Initialized(ApplicationScoped.class) Object started) {
    ApplicationStart.completed();
    if (ApplicationStart.isServing()) {
      LOG.info("Broker SSO started: serving requests");
    } else {
      LOG.warning("Broker SSO started: answering 503 until the database answers");
    }
  }
}
