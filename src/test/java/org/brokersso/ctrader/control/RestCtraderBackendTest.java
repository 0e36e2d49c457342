package org.brokersso.ctrader.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.brokersso.ctrader.WebservDouble.TOKEN;
import static org.brokersso.ctrader.WebservDouble.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.brokersso.ctrader.WebservDouble;
import org.brokersso.ctrader.entity.AccountType;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.ContactDetails;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.RedeemedInAppToken;
import org.brokersso.ctrader.entity.Referral;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every call of ctrader-backend-api.md over real HTTP against WireMock: the exact method, path,
 * {@code ?token=} and JSON body sent, the parsing of the documented answers and error codes, the
 * manager-token refresh, time-outs, and which calls are (not) repeated.
 */
class RestCtraderBackendTest {

  private final WebservDouble webserv = new WebservDouble();
  private RestCtraderBackend backend;

  @BeforeEach
  void start() {
    webserv.start();
    backend = webserv.backend();
  }

  @AfterEach
  void stop() {
    webserv.stop();
  }

  private static final String TRADER_ANSWER =
      """
      {"login": 3105542, "groupName": "Retail_USD", "depositCurrency": "USD",
       "accessRights": "FULL_ACCESS", "accountType": "HEDGED", "brokerName": "ACMEFX",
       "balance": 987650, "bonus": 0, "nonWithdrawableBonus": 1500, "equity": 987650, "usedMargin": 0,
       "freeMargin": 987650, "cashEquity": 987650, "moneyDigits": 2, "leverageInCents": 50000,
       "totalMarginCalculationType": "NET", "isLimitedRisk": false, "swapFree": false,
       "sendOwnStatement": true, "contactDetails": {"countryId": 276, "email": "jane.doe@example.org",
       "phone": "+4930123456", "city": "Berlin", "introducingBroker1": "IB-7781"},
       "name": "Jane", "lastName": "Doe", "lastConnectionTimestamp": 1717400000999,
       "registrationTimestamp": 1717400000123, "lastUpdateTimestamp": 1717400000124}
      """;

  @Test
  @DisplayName(
      "3.1: the manager token is fetched once, with the MD5 of the password, and shared by all calls")
  void managerTokenIsFetchedOnceAndShared() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/create"))
            .willReturn(okJson("{\"userId\":1}").withStatus(201)));
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/7/changebalance"))
            .willReturn(okJson("{\"balanceHistoryId\":9}")));

    backend.createUser(CreateUserRequest.of("a@example.org", null, "en"));
    backend.createUser(CreateUserRequest.of("b@example.org", null, "en"));
    backend.deposit(7, BigDecimal.ONE, null);

    webserv.server.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v2/webserv/managers/token"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withQueryParam("token", absent())
            .withRequestBody(
                equalToJson(
                    "{\"login\": 30417, \"hashedPassword\": \"4964e691fb934fe9174a9b9397b53c66\"}")));
    webserv.server.verify(
        2,
        postRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/create"))
            .withQueryParam("token", equalTo(TOKEN)));
    webserv.server.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v2/webserv/traders/7/changebalance"))
            .withQueryParam("token", equalTo(TOKEN)));
  }

  @Test
  @DisplayName("3.2: POST /cid/oauth2/ctid/create with the spec's body; 201 {userId}")
  void createUser() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/create"))
            .willReturn(okJson("{\"userId\": 20481377}").withStatus(201)));

    long userId =
        backend.createUser(
            new CreateUserRequest(null, "jane.doe@example.org", "Jane", "janetrades", "de"));

    assertEquals(20481377L, userId);
    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/create"))
            .withQueryParam("token", equalTo(TOKEN))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"brokerCrmName\": \"ACMECRM\", \"email\": \"jane.doe@example.org\", \"firstName\": \"Jane\","
                        + " \"nickName\": \"janetrades\", \"preferredLanguage\": \"de\"}")));
  }

  @Test
  @DisplayName(
      "3.2: CH_EMAIL_ALREADY_EXISTS becomes a rejection carrying the code, and is not repeated")
  void createUserWithATakenEmail() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/create"))
            .willReturn(error("CH_EMAIL_ALREADY_EXISTS")));

    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class,
            () -> backend.createUser(CreateUserRequest.of("jane.doe@example.org", null, "en")));

    assertTrue(rejection.is(WebservErrorCode.CH_EMAIL_ALREADY_EXISTS));
    assertEquals(400, rejection.status());
    assertEquals("ch_email_already_exists", rejection.description());
    webserv.server.verify(1, postRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/create")));
  }

  @Test
  @DisplayName(
      "3.3: POST /v2/webserv/traders with brokerName and balance 0; the answer's money is scaled by moneyDigits")
  void openTradingAccount() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders"))
            .willReturn(okJson(TRADER_ANSWER).withStatus(201)));
    TraderRequest request =
        TraderRequest.of(
                "USD", "Retail_USD", "fd51dddac79fd33c71f5901b9335d1a1", 50000, AccountType.HEDGED)
            .holder(
                "Jane",
                "Doe",
                new ContactDetails(
                    null,
                    "Berlin",
                    276,
                    null,
                    "jane.doe@example.org",
                    "+4930123456",
                    null,
                    null,
                    "IB-7781",
                    null));

    Trader trader = backend.openTradingAccount(request);

    assertEquals(3105542L, trader.login());
    assertEquals(2, trader.moneyDigits());
    assertEquals(new BigDecimal("9876.50"), trader.money(trader.balance()));
    assertEquals(new BigDecimal("15.00"), trader.money(trader.nonWithdrawableBonus()));
    assertEquals(Boolean.FALSE, trader.isLimitedRisk());
    assertEquals(276, trader.contactDetails().countryId());
    assertEquals(1717400000123L, trader.registrationTimestamp());
    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/v2/webserv/traders"))
            .withQueryParam("token", equalTo(TOKEN))
            .withRequestBody(
                equalToJson(
                    """
                    {"accessRights": "FULL_ACCESS", "accountType": "HEDGED", "balance": 0,
                     "brokerName": "ACMEFX", "depositCurrency": "USD", "groupName": "Retail_USD",
                     "hashedPassword": "fd51dddac79fd33c71f5901b9335d1a1", "leverageInCents": 50000,
                     "totalMarginCalculationType": "MAX",
                     "contactDetails": {"countryId": 276, "email": "jane.doe@example.org", "phone": "+4930123456",
                                        "city": "Berlin", "introducingBroker1": "IB-7781"},
                     "name": "Jane", "lastName": "Doe"}
                    """)));
  }

  @Test
  @DisplayName("3.3: an unknown brokerName is CH_PLANT_INVALID")
  void openTradingAccountForAnUnknownBroker() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders")).willReturn(error("CH_PLANT_INVALID")));
    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class,
            () ->
                backend.openTradingAccount(
                    TraderRequest.of("USD", "Retail_USD", "x", 10000, AccountType.NETTED)));
    assertTrue(rejection.is(WebservErrorCode.CH_PLANT_INVALID));
  }

  @Test
  @DisplayName(
      "3.4: POST /cid/ctid/link with returnAccountDetails=true; answers ctidTraderAccountId")
  void linkAccount() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link"))
            .willReturn(okJson("{\"ctidTraderAccountId\": 47710293}")));

    assertEquals(
        47710293L, backend.linkAccount(20481377L, 3105542L, "fd51dddac79fd33c71f5901b9335d1a1"));

    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/cid/ctid/link"))
            .withQueryParam("token", equalTo(TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"traderLogin\": 3105542, \"traderPasswordHash\": \"fd51dddac79fd33c71f5901b9335d1a1\","
                        + " \"userId\": 20481377, \"brokerName\": \"ACMEFX\", \"environmentName\": \"live\","
                        + " \"returnAccountDetails\": true}")));
  }

  @Test
  @DisplayName("3.4: TRADER_NOT_FOUND becomes a rejection")
  void linkAnUnknownTrader() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link")).willReturn(error("TRADER_NOT_FOUND")));
    assertTrue(
        assertThrows(CtraderRejection.class, () -> backend.linkAccount(1, 2, "h"))
            .is(WebservErrorCode.TRADER_NOT_FOUND));
  }

  @ParameterizedTest
  @EnumSource(BalanceChangeType.class)
  @DisplayName(
      "3.5: POST /v2/webserv/traders/{login}/changebalance with login, preciseAmount and type")
  void changeBalance(BalanceChangeType type) {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/3105542/changebalance"))
            .willReturn(okJson("{\"balanceHistoryId\": 90012457}")));

    assertEquals(
        90012457L,
        backend.changeBalance(3105542L, type, new BigDecimal("250.75"), "PSP-2024-000918"));

    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/v2/webserv/traders/3105542/changebalance"))
            .withQueryParam("token", equalTo(TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"login\": 3105542, \"preciseAmount\": 250.75, \"type\": \""
                        + type
                        + "\","
                        + " \"externalId\": \"PSP-2024-000918\"}")));
  }

  @Test
  @DisplayName("3.5: an amount with 8 decimals is sent as a plain JSON number")
  void preciseAmountKeepsItsDigits() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/5/changebalance"))
            .willReturn(okJson("{\"balanceHistoryId\": 1}")));
    backend.deposit(5, new BigDecimal("0.00012345"), null);
    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/v2/webserv/traders/5/changebalance"))
            .withRequestBody(
                equalToJson(
                    "{\"login\": 5, \"preciseAmount\": 0.00012345, \"type\": \"DEPOSIT\"}")));
  }

  @ParameterizedTest
  @EnumSource(
      value = WebservErrorCode.class,
      names = {
        "NOT_ENOUGH_MONEY",
        "CHANGE_BALANCE_BAD_AMOUNT",
        "TRADER_NOT_FOUND",
        "NOT_ENOUGH_RIGHTS",
        "INVALID_REQUEST",
        "UNKNOWN_ERROR",
        "CH_BROKER_NOT_FOUND"
      })
  @DisplayName(
      "3.5: every documented error code arrives as a rejection carrying it; nothing is repeated")
  void changeBalanceRejections(WebservErrorCode code) {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/5/changebalance")).willReturn(error(code.name())));
    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class, () -> backend.withdraw(5, new BigDecimal("10"), "W-1"));
    assertEquals(code, rejection.code());
    assertEquals(code.name(), rejection.errorCode());
    webserv.server.verify(
        1, postRequestedFor(urlPathEqualTo("/v2/webserv/traders/5/changebalance")));
  }

  @Test
  @DisplayName("an unknown error code is kept as sent")
  void unknownCodesAreKept() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link")).willReturn(error("CH_SOMETHING_NEW")));
    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.linkAccount(1, 2, "h"));
    assertEquals(WebservErrorCode.OTHER, rejection.code());
    assertEquals("CH_SOMETHING_NEW", rejection.errorCode());
  }

  @Test
  @DisplayName("3.6: PUT /cid/oauth2/ctid/referral on a user, and on an account")
  void setPartner() {
    webserv.server.stubFor(
        put(urlPathEqualTo("/cid/oauth2/ctid/referral")).willReturn(aResponse().withStatus(200)));

    backend.setPartner(20481377L, null, "IB-7781");
    backend.setPartner(20481377L, 47710293L, "IB-7782");

    webserv.server.verify(
        putRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .withQueryParam("token", equalTo(TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"brokerCrmName\": \"ACMECRM\", \"partnerId\": \"IB-7781\", \"userId\": 20481377}")));
    webserv.server.verify(
        putRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .withRequestBody(
                equalToJson(
                    "{\"brokerCrmName\": \"ACMECRM\", \"partnerId\": \"IB-7782\", \"userId\": 20481377, \"ctidTraderAccountId\": 47710293}")));
  }

  @Test
  @DisplayName(
      "3.7: GET /cid/oauth2/ctid/referral with brokerCrmName and one of userId / ctidTraderAccountId")
  void partnerOf() {
    webserv.server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .withQueryParam("ctidTraderAccountId", equalTo("47710293"))
            .willReturn(
                okJson(
                    "{\"userId\": 20481377, \"ctidTraderAccountId\": 47710293, \"partnerId\": \"IB-7781\"}")));
    webserv.server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .withQueryParam("userId", equalTo("5"))
            .willReturn(aResponse().withStatus(200)));

    assertEquals(
        new Referral(20481377L, 47710293L, "IB-7781"),
        backend.partnerOf(20481377L, 47710293L).orElseThrow());
    assertTrue(backend.partnerOf(5, null).isEmpty());

    webserv.server.verify(
        getRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .withQueryParam("token", equalTo(TOKEN))
            .withQueryParam("brokerCrmName", equalTo("ACMECRM"))
            .withQueryParam("ctidTraderAccountId", equalTo("47710293"))
            .withQueryParam("userId", absent()));
  }

  @Test
  @DisplayName(
      "3.8: DELETE /cid/oauth2/ctid/referral with userId and, for an account, ctidTraderAccountId")
  void removePartner() {
    webserv.server.stubFor(
        delete(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .willReturn(aResponse().withStatus(200)));

    backend.removePartner(20481377L, 47710293L);
    backend.removePartner(20481377L, null);

    webserv.server.verify(
        deleteRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .withQueryParam("token", equalTo(TOKEN))
            .withQueryParam("brokerCrmName", equalTo("ACMECRM"))
            .withQueryParam("userId", equalTo("20481377"))
            .withQueryParam("ctidTraderAccountId", equalTo("47710293")));
    webserv.server.verify(
        deleteRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .withQueryParam("userId", equalTo("20481377"))
            .withQueryParam("ctidTraderAccountId", absent()));
  }

  @Test
  @DisplayName("3.9: PUT /cid/oauth2/ctid/inAppControls, V4 layout; an empty list sends rules {}")
  void ribbons() {
    webserv.server.stubFor(
        put(urlPathEqualTo("/cid/oauth2/ctid/inAppControls"))
            .willReturn(aResponse().withStatus(201)));

    backend.showRibbons(
        20481377L,
        List.of(
            Ribbon.of(
                    "#1f8efa",
                    "Verify your identity to unlock withdrawals",
                    false,
                    RibbonAction.inApp("https://crm.example.org/kyc/start"))
                .forAccount(47710293L),
            new Ribbon(
                "#22aa55",
                "Deposit bonus this week",
                true,
                true,
                RibbonAction.external("https://www.example.org/promo"),
                "ACMEFX",
                null)));
    backend.showRibbons(20481377L, List.of());

    webserv.server.verify(
        putRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/inAppControls"))
            .withQueryParam("token", equalTo(TOKEN))
            .withRequestBody(
                equalToJson(
                    """
                    {"brokerCrmName": "ACMECRM", "userId": 20481377,
                     "rules": {"ribbons": [
                       {"color": "#1f8efa", "title": "Verify your identity to unlock withdrawals",
                        "enabled": true, "closable": false,
                        "action": {"urlinApp": "https://crm.example.org/kyc/start"},
                        "ctidTraderAccountId": "47710293"},
                       {"color": "#22aa55", "title": "Deposit bonus this week",
                        "enabled": true, "closable": true,
                        "action": {"urlExternal": "https://www.example.org/promo"},
                        "brokerName": "ACMEFX"}]}}
                    """)));
    webserv.server.verify(
        putRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/inAppControls"))
            .withRequestBody(
                equalToJson(
                    "{\"brokerCrmName\": \"ACMECRM\", \"userId\": 20481377, \"rules\": {}}")));
  }

  @Test
  @DisplayName("3.10: PUT /cid/oauth2/ctid/changeEmail by default, POST when configured; 204")
  void changeEmail() {
    webserv.server.stubFor(
        put(urlPathEqualTo("/cid/oauth2/ctid/changeEmail"))
            .willReturn(aResponse().withStatus(204)));
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/changeEmail"))
            .willReturn(aResponse().withStatus(204)));

    backend.changeEmail(20481377L, "jane.d@example.net");
    webserv
        .backend(Map.of("ctrader.change-email.method", "post"))
        .changeEmail(20481377L, "jane.e@example.net");

    String body = "{\"userId\": 20481377, \"newEmail\": \"%s\", \"brokerCrmName\": \"ACMECRM\"}";
    webserv.server.verify(
        putRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/changeEmail"))
            .withQueryParam("token", equalTo(TOKEN))
            .withRequestBody(equalToJson(body.formatted("jane.d@example.net"))));
    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/changeEmail"))
            .withQueryParam("token", equalTo(TOKEN))
            .withRequestBody(equalToJson(body.formatted("jane.e@example.net"))));
  }

  @Test
  @DisplayName(
      "3.11: GET on the configured path with brokerCrmName and the email; an empty body means no such user")
  void findUserId() {
    webserv.server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/userIdByEmail"))
            .withQueryParam("email", equalTo("jane+fx@example.org"))
            .willReturn(okJson("{\"userId\": 20481377}")));
    webserv.server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/userIdByEmail"))
            .withQueryParam("email", equalTo("nobody@example.org"))
            .willReturn(aResponse().withStatus(200)));

    assertEquals(20481377L, backend.findUserId("jane+fx@example.org").orElseThrow());
    assertTrue(backend.findUserId("nobody@example.org").isEmpty());
    webserv.server.verify(
        getRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/userIdByEmail"))
            .withQueryParam("token", equalTo(TOKEN))
            .withQueryParam("brokerCrmName", equalTo("ACMECRM"))
            .withQueryParam("email", equalTo("jane+fx@example.org")));
    String url =
        webserv.server.getAllServeEvents().stream()
            .map(e -> e.getRequest().getUrl())
            .filter(u -> u.contains("jane"))
            .findFirst()
            .orElseThrow();
    assertTrue(url.contains("jane%2Bfx%40example.org"), "the email is URL-encoded: " + url);
  }

  @Test
  @DisplayName("3.12: the configured method and path, with brokerCrmName and userId in the query")
  void logOut() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/oauth2/ctid/logout")).willReturn(aResponse().withStatus(204)));
    backend.logOut(20481377L);
    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/logout"))
            .withQueryParam("token", equalTo(TOKEN))
            .withQueryParam("brokerCrmName", equalTo("ACMECRM"))
            .withQueryParam("userId", equalTo("20481377")));
  }

  @Test
  @DisplayName(
      "3.13: PUT /cid/oauth2/ctid/acceptAgreement with brokerCrmName and userId in the query, no body")
  void acceptAgreement() {
    webserv.server.stubFor(
        put(urlPathEqualTo("/cid/oauth2/ctid/acceptAgreement"))
            .willReturn(aResponse().withStatus(200)));
    backend.acceptAgreement(20481377L);
    webserv.server.verify(
        putRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/acceptAgreement"))
            .withQueryParam("token", equalTo(TOKEN))
            .withQueryParam("brokerCrmName", equalTo("ACMECRM"))
            .withQueryParam("userId", equalTo("20481377")));
    assertEquals(
        0,
        webserv.server.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().contains("acceptAgreement"))
            .mapToInt(e -> e.getRequest().getBody().length)
            .sum());
  }

  @Test
  @DisplayName(
      "redeem: POST /cid/ctid2/inAppToken/redeem {token}; a 404 without body is a rejection with the status")
  void redeemInAppToken() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid2/inAppToken/redeem"))
            .withRequestBody(equalToJson("{\"token\": \"edc7bdcf\"}"))
            .willReturn(
                okJson(
                    "{\"userId\": 20481377, \"email\": \"jane.doe@example.org\", \"tradingLogin\": 3105542}")));
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid2/inAppToken/redeem"))
            .withRequestBody(equalToJson("{\"token\": \"used\"}"))
            .willReturn(aResponse().withStatus(404)));

    assertEquals(
        new RedeemedInAppToken(20481377L, "jane.doe@example.org", 3105542L),
        backend.redeemInAppToken("edc7bdcf"));
    CtraderRejection gone =
        assertThrows(CtraderRejection.class, () -> backend.redeemInAppToken("used"));
    assertEquals(404, gone.status());
    assertEquals(null, gone.errorCode());
    webserv.server.verify(
        postRequestedFor(urlPathEqualTo("/cid/ctid2/inAppToken/redeem"))
            .withQueryParam("token", equalTo(TOKEN)));
  }

  @Test
  @DisplayName(
      "a refused manager token is fetched again once, and the call repeated once with the new one")
  void managerTokenRefresh() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/managers/token"))
            .inScenario("token")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"webservToken\": \"old\"}"))
            .willSetStateTo("rotated"));
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/managers/token"))
            .inScenario("token")
            .whenScenarioStateIs("rotated")
            .willReturn(okJson("{\"webservToken\": \"new\"}")));
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link"))
            .withQueryParam("token", equalTo("old"))
            .willReturn(aResponse().withStatus(401)));
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link"))
            .withQueryParam("token", equalTo("new"))
            .willReturn(okJson("{\"ctidTraderAccountId\": 3}")));

    assertEquals(3L, backend.linkAccount(1, 2, "h"));
    assertEquals(3L, backend.linkAccount(1, 2, "h"));

    webserv.server.verify(2, postRequestedFor(urlPathEqualTo("/v2/webserv/managers/token")));
    webserv.server.verify(
        1,
        postRequestedFor(urlPathEqualTo("/cid/ctid/link")).withQueryParam("token", equalTo("old")));
    webserv.server.verify(
        2,
        postRequestedFor(urlPathEqualTo("/cid/ctid/link")).withQueryParam("token", equalTo("new")));
  }

  @Test
  @DisplayName("a token refused twice in a row surfaces as a rejection instead of looping")
  void managerTokenRefusedForGood() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/cid/ctid/link"))
            .willReturn(error("CH_INVALID_TOKEN").withStatus(403)));
    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.linkAccount(1, 2, "h"));
    assertEquals("CH_INVALID_TOKEN", rejection.errorCode());
    webserv.server.verify(2, postRequestedFor(urlPathEqualTo("/v2/webserv/managers/token")));
    webserv.server.verify(2, postRequestedFor(urlPathEqualTo("/cid/ctid/link")));
  }

  @Test
  @DisplayName("a wrong manager password fails the call with the backend's rejection")
  void wrongManagerPassword() {
    RestCtraderBackend wrong = webserv.backend(Map.of("ctrader.manager.password", "not-it"));
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/managers/token"))
            .atPriority(10)
            .willReturn(error("WRONG_PASSWORD")));
    assertTrue(
        assertThrows(CtraderRejection.class, () -> wrong.logOut(1))
            .is(WebservErrorCode.WRONG_PASSWORD));
  }

  @Test
  @DisplayName(
      "time-out: a GET is repeated (ctrader.read.retries), a POST is sent once and reported as unreachable")
  void timeouts() {
    RestCtraderBackend impatient = webserv.backend(Map.of("ctrader.timeout", "PT0.3S"));
    webserv.server.stubFor(
        get(urlPathEqualTo("/cid/oauth2/ctid/referral"))
            .willReturn(okJson("{}").withFixedDelay(1500)));
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/5/changebalance"))
            .willReturn(okJson("{\"balanceHistoryId\": 1}").withFixedDelay(1500)));

    assertThrows(CtraderUnreachable.class, () -> impatient.partnerOf(1, null));
    assertThrows(CtraderUnreachable.class, () -> impatient.deposit(5, BigDecimal.TEN, "D-1"));

    webserv.server.verify(3, getRequestedFor(urlPathEqualTo("/cid/oauth2/ctid/referral")));
    webserv.server.verify(
        1, postRequestedFor(urlPathEqualTo("/v2/webserv/traders/5/changebalance")));
  }

  @Test
  @DisplayName(
      "a 5xx without error code on a non-GET is unreachable (outcome unknown) and not repeated")
  void serverErrorIsNotRepeated() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders")).willReturn(aResponse().withStatus(502)));
    assertThrows(
        CtraderUnreachable.class,
        () ->
            backend.openTradingAccount(
                TraderRequest.of("USD", "g", "h", 10000, AccountType.HEDGED)));
    webserv.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/webserv/traders")));
  }

  @Test
  @DisplayName(
      "REQUEST_FREQUENCY_EXCEEDED: the call was not carried out, so it is repeated after a back-off")
  void rateLimitBackOff() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/5/changebalance"))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error("REQUEST_FREQUENCY_EXCEEDED"))
            .willSetStateTo("open"));
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/5/changebalance"))
            .inScenario("limit")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{\"balanceHistoryId\": 77}")));

    assertEquals(77L, backend.deposit(5, BigDecimal.TEN, "D-2"));
    webserv.server.verify(
        2, postRequestedFor(urlPathEqualTo("/v2/webserv/traders/5/changebalance")));
  }

  @Test
  @DisplayName(
      "REQUEST_FREQUENCY_EXCEEDED beyond ctrader.rate-limit.retries surfaces as the rejection")
  void rateLimitGivesUp() {
    webserv.server.stubFor(
        post(urlPathEqualTo("/v2/webserv/traders/5/changebalance"))
            .willReturn(error("REQUEST_FREQUENCY_EXCEEDED")));
    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.deposit(5, BigDecimal.TEN, "D-3"));
    assertTrue(rejection.is(WebservErrorCode.REQUEST_FREQUENCY_EXCEEDED));
    webserv.server.verify(
        3, postRequestedFor(urlPathEqualTo("/v2/webserv/traders/5/changebalance")));
  }

  @Test
  @DisplayName("neither the manager password, its hash nor the manager token reaches a log")
  void secretsStayOutOfTheLogs() {
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    try {
      webserv.server.stubFor(
          post(urlPathEqualTo("/cid/oauth2/ctid/logout")).willReturn(aResponse().withStatus(401)));
      assertThrows(CtraderRejection.class, () -> backend.logOut(1));
    } finally {
      root.removeHandler(capture);
      root.setLevel(level);
    }
    assertFalse(records.isEmpty());
    // The contract puts the token in the URL, so the JDK's own FINEST network tracing shows it;
    // what must stay clean is everything the product logs, and anything a server logs by default.
    for (LogRecord record :
        records.stream()
            .filter(
                r ->
                    r.getLevel().intValue() >= Level.INFO.intValue()
                        || String.valueOf(r.getLoggerName()).startsWith("org.brokersso"))
            .toList()) {
      String text =
          String.valueOf(record.getMessage())
              + " "
              + java.util.Arrays.toString(record.getParameters());
      for (String secret :
          List.of(WebservDouble.MANAGER_PASSWORD, WebservDouble.MANAGER_PASSWORD_MD5, TOKEN)) {
        assertFalse(text.contains(secret), "log line holds a secret: " + text);
      }
    }
    WebservSettings settings =
        new WebservSettings(
            java.net.URI.create("https://h:1"),
            1,
            WebservDouble.MANAGER_PASSWORD,
            "c",
            "b",
            "live",
            java.time.Duration.ofSeconds(1),
            0,
            0,
            java.time.Duration.ZERO,
            "PUT",
            "/a",
            "POST",
            "/b",
            "/c");
    assertFalse(settings.toString().contains(WebservDouble.MANAGER_PASSWORD), settings.toString());
  }
}
