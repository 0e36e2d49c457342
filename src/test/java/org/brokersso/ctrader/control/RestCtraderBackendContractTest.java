package org.brokersso.ctrader.control;

import java.util.List;
import org.brokersso.ctrader.CtraderBackendContract;
import org.brokersso.ctrader.CtraderStandIn;
import org.brokersso.ctrader.entity.Ribbon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The scenario suite against the REST client and cTrader's stand-in over HTTP, which keeps
 * cTrader's state as the sandbox does: nothing here is scripted.
 */
class RestCtraderBackendContractTest extends CtraderBackendContract {

  private CtraderStandIn standIn;
  private RestCtraderBackend backend;

  @BeforeEach
  void start() {
    standIn = CtraderStandIn.start();
    backend = standIn.backend();
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Override
  protected CtraderBackend backend() {
    return backend;
  }

  /** What cTrader holds after the user's last 3.9. */
  @Override
  protected List<Ribbon> ribbonsShownTo(long userId) {
    return standIn.ribbons(userId);
  }
}
