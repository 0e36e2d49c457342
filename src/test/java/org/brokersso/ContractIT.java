package org.brokersso;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box tests: deploys the built WAR to Payara Micro and plays cTrader's backend
 * over HTTP. Each test starts authenticated (a fresh crmApiToken) with a cTrader user of its own.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ContractIT {

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.war();
  }

  protected final ContractClient ctrader = new ContractClient();
  protected String crmApiToken;
  protected long userId;

  @BeforeEach
  void authenticated() {
    crmApiToken = ctrader.crmApiToken();
    userId = ContractClient.newUserId();
  }

  /** Logs the user in with "keep me logged in" and exchanges the OT token: the 4.2 answer. */
  protected jakarta.json.JsonObject session() {
    return ctrader.exchange(crmApiToken, ctrader.login(userId, true)).expect(200).json();
  }
}
