package org.brokersso.funding.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.RestCtraderBackend;
import org.brokersso.ctrader.control.WebservSettings;
import org.eclipse.microprofile.config.Config;

/**
 * Test only, deployed with {@code InAppChainIT}: the product's {@link CtraderBackend} is the REST
 * client, talking real HTTP to {@link CtraderDouble} in the same server. Being an enabled
 * alternative, it replaces {@code CtraderBackendSelector}'s choice for the whole test deployment,
 * while {@code ctrader.url} stays unset, so payments and KYC stay in sandbox mode.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class CtraderDoubleBackend {

  /** The server's own base URL, ending in "/" (arquillian.xml sets it from it.http.port). */
  static final String SELF_URL = "it.self-url";

  @Inject Config config;

  @Produces
  @Alternative
  @ApplicationScoped
  CtraderBackend backend() {
    Map<String, String> manager =
        Map.of(
            "ctrader.url", config.getValue(SELF_URL, String.class) + "ctrader-double",
            "ctrader.manager.login", Long.toString(CtraderDouble.MANAGER_LOGIN),
            "ctrader.manager.password", CtraderDouble.MANAGER_PASSWORD,
            "ctrader.broker-crm-name", CtraderDouble.CRM,
            "ctrader.broker-name", CtraderDouble.BROKER);
    return new RestCtraderBackend(
        WebservSettings.from(
            key ->
                Optional.ofNullable(manager.get(key))
                    .or(() -> config.getOptionalValue(key, String.class))));
  }
}
