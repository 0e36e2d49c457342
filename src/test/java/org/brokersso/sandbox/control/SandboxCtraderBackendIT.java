package org.brokersso.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.brokersso.Deployments;
import org.brokersso.ctrader.CtraderBackendContract;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.entity.Ribbon;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scenario suite against the sandbox, inside the server: the sandbox keeps its state in the
 * product's database, which only the deployed application reaches (embedded H2, or MariaDB in CI).
 * The backend is the one the product injects, so this also checks that sandbox mode selects it.
 */
@ExtendWith(ArquillianExtension.class)
class SandboxCtraderBackendIT extends CtraderBackendContract {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(
        SandboxCtraderBackendIT.class,
        CtraderBackendContract.class,
        CtraderBackendContract.Onboarded.class);
  }

  @Inject CtraderBackend backend;
  @Inject SandboxCtraderBackend sandbox;

  @Override
  protected CtraderBackend backend() {
    return backend;
  }

  @Override
  protected List<Ribbon> ribbonsShownTo(long userId) {
    return sandbox.ribbonsOf(userId);
  }

  @Test
  @DisplayName("sandbox mode: the injected backend is the sandbox")
  void theProductUsesTheSandbox() {
    assertEquals("sandbox", backend.mode());
  }

  @Test
  @DisplayName("the sandbox keeps balance and credit apart, scaled by moneyDigits")
  void balancesAreKept() {
    long login = onboard().usd().login();
    backend.deposit(login, new BigDecimal("250.75"), "D");
    backend.addCredit(login, new BigDecimal("50"), "C");
    backend.removeCredit(login, new BigDecimal("20.5"), "C2");
    var trader = sandbox.tradingAccount(login).orElseThrow();
    assertEquals(new BigDecimal("250.75"), trader.money(trader.balance()));
    assertEquals(new BigDecimal("29.50"), trader.money(trader.nonWithdrawableBonus()));
  }
}
