package org.brokersso.ctrader.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brokersso.Deployments;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.eclipse.microprofile.config.Config;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST client inside Payara, on the server's own MicroProfile REST Client and JSON-B, against
 * {@link FakeWebserv}: what the WireMock tests prove with the test classpath's Jersey also holds in
 * the runtime the product ships on (bodies, empty answers, bodiless PUT, error mapping).
 */
@ExtendWith(ArquillianExtension.class)
class RestCtraderBackendIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(RestCtraderBackendIT.class, FakeWebserv.class);
  }

  @ArquillianResource URL base;
  @Inject Config config;

  private RestCtraderBackend backend;

  @BeforeEach
  void againstTheFake() {
    Map<String, String> settings =
        Map.of(
            "ctrader.url", base.toString() + "fake-ctrader",
            "ctrader.manager.login", "30417",
            "ctrader.manager.password", "ManagerPass#1",
            "ctrader.broker-crm-name", "ACMECRM",
            "ctrader.broker-name", "ACMEFX");
    backend =
        new RestCtraderBackend(
            WebservSettings.from(
                key ->
                    Optional.ofNullable(settings.get(key))
                        .or(() -> config.getOptionalValue(key, String.class))));
  }

  @Test
  @DisplayName(
      "3.1 + 3.2 on Payara: the token in the query, the body's keys as the spec spells them")
  void createUser() {
    assertEquals(
        20481377L,
        backend.createUser(new CreateUserRequest(null, "jane@example.org", "Jane", "jt", "de")));
    assertTrue(
        FakeWebserv.QUERIES.get("3.2").contains("token=fake-token"),
        FakeWebserv.QUERIES.get("3.2"));
    String body = FakeWebserv.BODIES.get("3.2");
    for (String key :
        List.of(
            "\"brokerCrmName\":\"ACMECRM\"",
            "\"email\":\"jane@example.org\"",
            "\"nickName\":\"jt\"",
            "\"preferredLanguage\":\"de\"")) {
      assertTrue(body.replace(" ", "").contains(key), body);
    }
    assertTrue(
        assertThrows(
                CtraderRejection.class,
                () -> backend.createUser(CreateUserRequest.of("taken@example.org", null, "en")))
            .is(WebservErrorCode.CH_EMAIL_ALREADY_EXISTS));
  }

  @Test
  @DisplayName(
      "3.3 on Payara: brokerName and balance 0 sent, isLimitedRisk and unknown fields parsed")
  void openTradingAccount() {
    Trader trader =
        backend.openTradingAccount(
            TraderRequest.of("USD", "Retail_USD", "h", 10000, AccountType.HEDGED));
    assertEquals(3105542L, trader.login());
    assertEquals(new BigDecimal("123.45"), trader.money(trader.balance()));
    assertEquals(Boolean.TRUE, trader.isLimitedRisk());
    String body = FakeWebserv.BODIES.get("3.3").replace(" ", "");
    assertTrue(body.contains("\"brokerName\":\"ACMEFX\"") && body.contains("\"balance\":0"), body);
  }

  @Test
  @DisplayName("3.5 on Payara: the error body becomes a rejection carrying NOT_ENOUGH_MONEY")
  void notEnoughMoney() {
    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class, () -> backend.withdraw(3105542L, new BigDecimal("10.50"), "W"));
    assertTrue(rejection.is(WebservErrorCode.NOT_ENOUGH_MONEY));
    assertTrue(
        FakeWebserv.BODIES.get("3.5").replace(" ", "").contains("\"preciseAmount\":10.50"),
        FakeWebserv.BODIES.get("3.5"));
  }

  @Test
  @DisplayName("3.7, 3.9, 3.13 on Payara: an empty answer, rules {} to clear, a PUT without body")
  void emptyAnswersAndBodies() {
    assertTrue(backend.partnerOf(20481377L, null).isEmpty());
    backend.showRibbons(
        20481377L,
        List.of(
            Ribbon.of("#1f8efa", "KYC", false, RibbonAction.inApp("https://crm/kyc"))
                .forAccount(47710293L)));
    String ribbons = FakeWebserv.BODIES.get("3.9").replace(" ", "");
    assertTrue(
        ribbons.contains("\"urlinApp\":\"https://crm/kyc\"")
            && ribbons.contains("\"ctidTraderAccountId\":\"47710293\""),
        ribbons);
    backend.showRibbons(20481377L, List.of());
    assertTrue(
        FakeWebserv.BODIES.get("3.9").replace(" ", "").contains("\"rules\":{}"),
        FakeWebserv.BODIES.get("3.9"));
    backend.acceptAgreement(20481377L);
    assertEquals("", FakeWebserv.BODIES.get("3.13"));
    assertFalse(FakeWebserv.QUERIES.get("3.13").isEmpty());
  }
}
