package org.brokersso;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box tests: plays cTrader's backend over HTTP against the one server all of them
 * share ({@link BlackBoxServer}: the built WAR on Payara Micro, started once per test run). Each
 * test starts authenticated (a fresh crmApiToken) with a cTrader user of its own.
 */
@ExtendWith(BlackBoxServer.class)
public abstract class ContractIT {

  protected final ContractClient ctrader = new ContractClient(BlackBoxServer.base());
  protected String crmApiToken;
  protected long userId;

  @BeforeEach
  void authenticated() {
    crmApiToken = ctrader.crmApiToken();
    userId = ContractClient.newUserId();
  }

  /** Moves the server's clock past the OT-token lifetime: every OT token issued so far expires. */
  protected void otTokensExpire() {
    ctrader.advanceServerClock(BlackBoxServer.otTokenTtl().plusSeconds(1));
  }

  /** Logs the user in with "keep me logged in" and exchanges the OT token: the 4.2 answer. */
  protected jakarta.json.JsonObject session() {
    return ctrader.exchange(crmApiToken, ctrader.login(userId, true)).expect(200).json();
  }
}
