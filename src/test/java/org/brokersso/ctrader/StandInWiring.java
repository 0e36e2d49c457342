package org.brokersso.ctrader;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.brokersso.ctrader.control.CtraderBackend;

/**
 * Test only, in a test WAR that carries cTrader's stand-in: the product's {@link CtraderBackend} is
 * its own REST client, pointed at the stand-in of the test JVM that built the WAR ({@link
 * CtraderStandIn#shared()}, named by {@link CtraderStandIn#URL_RESOURCE}). Being an enabled
 * alternative, it replaces {@code CtraderBackendSelector}'s choice for the whole deployment, while
 * {@code ctrader.url} stays unset, so payments, KYC and mail stay in sandbox mode.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class StandInWiring {

  @Produces
  @Alternative
  @ApplicationScoped
  CtraderBackend backend() {
    return CtraderStandIn.shared().backend();
  }
}
