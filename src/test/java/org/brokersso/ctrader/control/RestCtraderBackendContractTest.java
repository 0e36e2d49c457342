package org.brokersso.ctrader.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.brokersso.ctrader.WebservDouble.error;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Comparator;
import java.util.List;
import org.brokersso.ctrader.CtraderBackendContract;
import org.brokersso.ctrader.WebservDouble;
import org.brokersso.ctrader.entity.InAppControlsRequest;
import org.brokersso.ctrader.entity.Ribbon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The scenario suite against the REST client and a scripted, stateful HTTP double of cTrader
 * (WireMock scenarios stand for the backend's state: user created, email changed, partner set).
 */
class RestCtraderBackendContractTest extends CtraderBackendContract {

  private static final long USER = 20481377L;
  private static final String TRADER_USD =
      "{\"login\": 3105542, \"depositCurrency\": \"USD\", \"groupName\": \"Retail_USD\","
          + " \"brokerName\": \"ACMEFX\", \"accessRights\": \"FULL_ACCESS\", \"accountType\": \"HEDGED\", \"balance\": 0, \"bonus\": 0,"
          + " \"nonWithdrawableBonus\": 0, \"equity\": 0, \"usedMargin\": 0, \"freeMargin\": 0, \"cashEquity\": 0, \"moneyDigits\": 2,"
          + " \"leverageInCents\": 50000, \"totalMarginCalculationType\": \"MAX\", \"registrationTimestamp\": 1717400000123,"
          + " \"lastUpdateTimestamp\": 1717400000124}";
  private static final String TRADER_EUR =
      TRADER_USD.replace("3105542", "3105543").replace("USD", "EUR");

  private final WebservDouble webserv = new WebservDouble();
  private final Jsonb jsonb = JsonbBuilder.create();
  private RestCtraderBackend backend;

  @BeforeEach
  void script() {
    webserv.start();
    backend = webserv.backend();
    WireMockServer server = webserv.server;

    // 3.2 / 3.10 / 3.11: one user, whose email may change
    server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/create"))
            .inScenario("user")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"userId\": " + USER + "}").withStatus(201))
            .willSetStateTo("created"));
    server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/create"))
            .inScenario("user")
            .whenScenarioStateIs("created")
            .willReturn(error("CH_EMAIL_ALREADY_EXISTS")));
    server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/userIdByEmail"))
            .atPriority(9)
            .willReturn(aResponse().withStatus(200)));
    server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/userIdByEmail"))
            .inScenario("user")
            .whenScenarioStateIs("created")
            .withQueryParam("email", matching("jane\\..*"))
            .willReturn(okJson("{\"userId\": " + USER + "}")));
    server.stubFor(
        put(urlPathEqualTo("/cid/oauth2/ctid/changeEmail"))
            .inScenario("user")
            .whenScenarioStateIs("created")
            .withRequestBody(matchingJsonPath("$.newEmail", matching("changed\\..*")))
            .willReturn(aResponse().withStatus(204))
            .willSetStateTo("emailChanged"));
    server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/userIdByEmail"))
            .inScenario("user")
            .whenScenarioStateIs("emailChanged")
            .withQueryParam("email", matching("changed\\..*"))
            .willReturn(okJson("{\"userId\": " + USER + "}")));
    server.stubFor(
        put(urlPathEqualTo("/cid/oauth2/ctid/acceptAgreement"))
            .willReturn(aResponse().withStatus(200)));
    server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/logout")).willReturn(aResponse().withStatus(204)));

    // 3.3 / 3.4: two accounts, and a broker the plant does not know
    server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders"))
            .withRequestBody(matchingJsonPath("$.depositCurrency", equalTo("USD")))
            .willReturn(okJson(TRADER_USD).withStatus(201)));
    server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders"))
            .withRequestBody(matchingJsonPath("$.depositCurrency", equalTo("EUR")))
            .willReturn(okJson(TRADER_EUR).withStatus(201)));
    server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders"))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.brokerName", equalTo("NO_SUCH_BROKER")))
            .willReturn(error("CH_PLANT_INVALID")));
    server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link"))
            .withRequestBody(matchingJsonPath("$.traderLogin", equalTo("3105542")))
            .willReturn(okJson("{\"ctidTraderAccountId\": 47710293}")));
    server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link"))
            .withRequestBody(matchingJsonPath("$.traderLogin", equalTo("3105543")))
            .willReturn(okJson("{\"ctidTraderAccountId\": 47710294}")));

    // 3.5 on 3105542: 250.75 in, 100.00 out, 150.76 is too much, 150.75 is all that is left
    String changeBalance = "/v2/webserv/traders/3105542/changebalance";
    server.stubFor(
        post(urlPathEqualTo(changeBalance))
            .withRequestBody(containing("\"DEPOSIT\""))
            .withRequestBody(notContaining("\"preciseAmount\":0,"))
            .willReturn(okJson("{\"balanceHistoryId\": 90012457}")));
    server.stubFor(
        post(urlPathEqualTo(changeBalance))
            .withRequestBody(containing("\"preciseAmount\":100.00"))
            .willReturn(okJson("{\"balanceHistoryId\": 90012458}")));
    server.stubFor(
        post(urlPathEqualTo(changeBalance))
            .withRequestBody(containing("\"preciseAmount\":150.76"))
            .willReturn(error("NOT_ENOUGH_MONEY")));
    server.stubFor(
        post(urlPathEqualTo(changeBalance))
            .withRequestBody(containing("\"preciseAmount\":150.75"))
            .willReturn(okJson("{\"balanceHistoryId\": 90012459}")));
    server.stubFor(
        post(urlPathEqualTo(changeBalance))
            .atPriority(1)
            .withRequestBody(containing("\"preciseAmount\":0,"))
            .willReturn(error("CHANGE_BALANCE_BAD_AMOUNT")));
    server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/999/changebalance"))
            .willReturn(error("TRADER_NOT_FOUND")));

    // 3.6-3.8: a partner on the user
    String referral = "/cid/oauth2/ctid/referral";
    server.stubFor(
        get(urlPathEqualTo(referral)).atPriority(9).willReturn(aResponse().withStatus(200)));
    server.stubFor(
        put(urlPathEqualTo(referral))
            .inScenario("partner")
            .withRequestBody(matchingJsonPath("$.partnerId", equalTo("IB-7781")))
            .willReturn(aResponse().withStatus(200))
            .willSetStateTo("set"));
    server.stubFor(
        get(urlPathEqualTo(referral))
            .inScenario("partner")
            .whenScenarioStateIs("set")
            .willReturn(okJson("{\"userId\": " + USER + ", \"partnerId\": \"IB-7781\"}")));
    server.stubFor(
        delete(urlPathEqualTo(referral))
            .inScenario("partner")
            .willReturn(aResponse().withStatus(200))
            .willSetStateTo("removed"));

    // 3.9 and the redeem call
    server.stubFor(
        put(urlPathEqualTo("/cid/oauth2/ctid/inAppControls"))
            .willReturn(aResponse().withStatus(201)));
    server.stubFor(
        post(urlPathEqualTo("/cid/ctid2/inAppToken/redeem"))
            .willReturn(aResponse().withStatus(404)));
  }

  @AfterEach
  void stop() {
    webserv.stop();
  }

  @Override
  protected CtraderBackend backend() {
    return backend;
  }

  /** What the last 3.9 call for the user told cTrader to show. */
  @Override
  protected List<Ribbon> ribbonsShownTo(long userId) {
    return webserv.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith("/cid/oauth2/ctid/inAppControls"))
        .max(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()))
        .map(e -> jsonb.fromJson(e.getRequest().getBodyAsString(), InAppControlsRequest.class))
        .filter(request -> request.userId() == userId)
        .map(
            request ->
                request.rules().ribbons() == null ? List.<Ribbon>of() : request.rules().ribbons())
        .orElse(List.of());
  }
}
