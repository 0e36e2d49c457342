package org.brokersso.ctrader.control;

import static org.brokersso.ctrader.CtraderStandIn.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.brokersso.ctrader.CtraderStandIn;
import org.brokersso.ctrader.CtraderStandIn.Request;
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
 * Every call of ctrader-backend-api.md over real HTTP against cTrader's stand-in: the exact method,
 * path, {@code ?token=} and JSON body sent (from the stand-in's journal), the parsing of the
 * documented answers and error codes, the manager-token refresh, time-outs, and which calls are
 * (not) repeated. A fresh stand-in numbers like the spec's examples, so Jane below is user 20481377
 * with trader 3105542, linked as account 47710293.
 */
class RestCtraderBackendTest {

  private static final long USER = 20481377L;
  private static final long LOGIN = 3105542L;
  private static final long ACCOUNT = 47710293L;
  private static final String EMAIL = "jane.doe@example.org";

  /** MD5 of the spec's sample trader password {@code TraderPass#9}. */
  private static final String HASH = "fd51dddac79fd33c71f5901b9335d1a1";

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

  /** The spec's sample answer of 3.3, with a balance and credit a new account cannot have. */
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
    backend.createUser(CreateUserRequest.of("a@example.org", null, "en"));
    backend.createUser(CreateUserRequest.of("b@example.org", null, "en"));
    long login = openTrader("USD");
    backend.deposit(login, BigDecimal.ONE, null);

    Request token = only("3.1");
    assertEquals("POST", token.method());
    assertEquals("/v2/webserv/managers/token", token.path());
    assertEquals("application/json", token.headers().get("content-type"));
    assertNull(token.param("token"));
    assertJson(
        "{\"login\": 30417, \"hashedPassword\": \"4964e691fb934fe9174a9b9397b53c66\"}", token);
    assertEquals(List.of(TOKEN, TOKEN), tokensOf("3.2"));
    assertEquals(List.of(TOKEN), tokensOf("3.5"));
  }

  @Test
  @DisplayName(
      "every call is timed once it is over, by call and outcome (ok, rejected), for the metrics")
  void callsAreTimed() {
    List<String> timed = new ArrayList<>();
    RestCtraderBackend timedBackend =
        standIn.backend(
            Map.of(),
            (call, outcome, took) -> {
              assertFalse(took.isNegative());
              timed.add(call + " " + outcome);
            });
    timedBackend.createUser(CreateUserRequest.of(EMAIL, null, "en"));
    assertThrows(
        CtraderRejection.class,
        () -> timedBackend.createUser(CreateUserRequest.of(EMAIL, null, "en")));

    assertEquals(List.of("3.2 ok", "3.2 rejected"), timed);
  }

  @Test
  @DisplayName("3.2: POST /cid/oauth2/ctid/create with the spec's body; 201 {userId}")
  void createUser() {
    long userId =
        backend.createUser(new CreateUserRequest(null, EMAIL, "Jane", "janetrades", "de"));

    assertEquals(USER, userId);
    Request create = only("3.2");
    assertEquals("POST", create.method());
    assertEquals("/cid/oauth2/ctid/create", create.path());
    assertEquals(TOKEN, create.param("token"));
    assertEquals("application/json", create.headers().get("accept"));
    assertJson(
        "{\"brokerCrmName\": \"ACMECRM\", \"email\": \"jane.doe@example.org\", \"firstName\": \"Jane\","
            + " \"nickName\": \"janetrades\", \"preferredLanguage\": \"de\"}",
        create);
    assertEquals(201, create.status());
  }

  @Test
  @DisplayName(
      "3.2: CH_EMAIL_ALREADY_EXISTS becomes a rejection carrying the code, and is not repeated")
  void createUserWithATakenEmail() {
    backend.createUser(CreateUserRequest.of(EMAIL, null, "en"));

    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class,
            () -> backend.createUser(CreateUserRequest.of(EMAIL, null, "en")));

    assertTrue(rejection.is(WebservErrorCode.CH_EMAIL_ALREADY_EXISTS));
    assertEquals(400, rejection.status());
    assertEquals("A cTrader user with this email exists", rejection.description());
    assertEquals(2, standIn.journal("3.2").size(), "one request per call");
  }

  @Test
  @DisplayName(
      "3.3: POST /v2/webserv/traders with brokerName and balance 0; the answer's money is scaled by moneyDigits")
  void openTradingAccount() {
    standIn.next("3.3").answer(201, TRADER_ANSWER);
    TraderRequest request =
        TraderRequest.of("USD", "Retail_USD", HASH, 50000, AccountType.HEDGED)
            .holder(
                "Jane",
                "Doe",
                new ContactDetails(
                    null, "Berlin", 276, null, EMAIL, "+4930123456", null, null, "IB-7781", null));

    Trader trader = backend.openTradingAccount(request);

    assertEquals(LOGIN, trader.login());
    assertEquals(2, trader.moneyDigits());
    assertEquals(new BigDecimal("9876.50"), trader.money(trader.balance()));
    assertEquals(new BigDecimal("15.00"), trader.money(trader.nonWithdrawableBonus()));
    assertEquals(Boolean.FALSE, trader.isLimitedRisk());
    assertEquals(276, trader.contactDetails().countryId());
    assertEquals(1717400000123L, trader.registrationTimestamp());
    Request create = only("3.3");
    assertEquals("POST", create.method());
    assertEquals("/v2/webserv/traders", create.path());
    assertEquals(TOKEN, create.param("token"));
    assertJson(
        """
        {"accessRights": "FULL_ACCESS", "accountType": "HEDGED", "balance": 0,
         "brokerName": "ACMEFX", "depositCurrency": "USD", "groupName": "Retail_USD",
         "hashedPassword": "fd51dddac79fd33c71f5901b9335d1a1", "leverageInCents": 50000,
         "totalMarginCalculationType": "MAX",
         "contactDetails": {"countryId": 276, "email": "jane.doe@example.org", "phone": "+4930123456",
                            "city": "Berlin", "introducingBroker1": "IB-7781"},
         "name": "Jane", "lastName": "Doe"}
        """,
        create);
  }

  @Test
  @DisplayName("3.3: an unknown brokerName is CH_PLANT_INVALID")
  void openTradingAccountForAnUnknownBroker() {
    RestCtraderBackend elsewhere = standIn.backend(Map.of("ctrader.broker-name", "NO_SUCH_BROKER"));
    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class,
            () ->
                elsewhere.openTradingAccount(
                    TraderRequest.of("USD", "Retail_USD", "x", 10000, AccountType.NETTED)));
    assertTrue(rejection.is(WebservErrorCode.CH_PLANT_INVALID));
  }

  @Test
  @DisplayName(
      "3.4: POST /cid/ctid/link with returnAccountDetails=true; answers ctidTraderAccountId")
  void linkAccount() {
    backend.createUser(CreateUserRequest.of(EMAIL, "Jane", "en"));
    openTrader("USD");

    assertEquals(ACCOUNT, backend.linkAccount(USER, LOGIN, HASH));

    Request link = only("3.4");
    assertEquals("POST", link.method());
    assertEquals("/cid/ctid/link", link.path());
    assertEquals(TOKEN, link.param("token"));
    assertJson(
        "{\"traderLogin\": 3105542, \"traderPasswordHash\": \"fd51dddac79fd33c71f5901b9335d1a1\","
            + " \"userId\": 20481377, \"brokerName\": \"ACMEFX\", \"environmentName\": \"live\","
            + " \"returnAccountDetails\": true}",
        link);
  }

  @Test
  @DisplayName("3.4: TRADER_NOT_FOUND becomes a rejection")
  void linkAnUnknownTrader() {
    assertTrue(
        assertThrows(CtraderRejection.class, () -> backend.linkAccount(1, 2, "h"))
            .is(WebservErrorCode.TRADER_NOT_FOUND));
  }

  @ParameterizedTest
  @EnumSource(BalanceChangeType.class)
  @DisplayName(
      "3.5: POST /v2/webserv/traders/{login}/changebalance with login, preciseAmount and type")
  void changeBalance(BalanceChangeType type) {
    onboardJane();
    if (type.isOutgoing()) { // something to take out first
      BalanceChangeType in =
          type.isCredit()
              ? BalanceChangeType.DEPOSIT_NONWITHDRAWABLE_BONUS
              : BalanceChangeType.DEPOSIT;
      backend.changeBalance(LOGIN, in, new BigDecimal("250.75"), "PSP-0");
      standIn.reset();
    }

    long balanceHistoryId =
        backend.changeBalance(LOGIN, type, new BigDecimal("250.75"), "PSP-2024-000918");

    Request change = only("3.5");
    assertEquals(
        change.answerJson().getJsonNumber("balanceHistoryId").longValue(), balanceHistoryId);
    assertEquals("POST", change.method());
    assertEquals("/v2/webserv/traders/3105542/changebalance", change.path());
    assertEquals(TOKEN, change.param("token"));
    assertJson(
        "{\"login\": 3105542, \"preciseAmount\": 250.75, \"type\": \""
            + type
            + "\","
            + " \"externalId\": \"PSP-2024-000918\"}",
        change);
  }

  @Test
  @DisplayName("3.5: an amount with 8 decimals is sent as a plain JSON number")
  void preciseAmountKeepsItsDigits() {
    long login = openTrader("BTC");
    standIn.reset();

    backend.deposit(login, new BigDecimal("0.00012345"), null);

    assertJson(
        "{\"login\": " + login + ", \"preciseAmount\": 0.00012345, \"type\": \"DEPOSIT\"}",
        only("3.5"));
    Trader booked = standIn.trader(login).orElseThrow();
    assertEquals(new BigDecimal("0.00012345"), booked.money(booked.balance()));
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
    standIn.every("3.5").refuse(code.name());
    CtraderRejection rejection =
        assertThrows(
            CtraderRejection.class, () -> backend.withdraw(5, new BigDecimal("10"), "W-1"));
    assertEquals(code, rejection.code());
    assertEquals(code.name(), rejection.errorCode());
    assertEquals(1, standIn.journal("3.5").size());
  }

  @Test
  @DisplayName("an unknown error code is kept as sent")
  void unknownCodesAreKept() {
    standIn.every("3.4").refuse("CH_SOMETHING_NEW");
    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.linkAccount(1, 2, "h"));
    assertEquals(WebservErrorCode.OTHER, rejection.code());
    assertEquals("CH_SOMETHING_NEW", rejection.errorCode());
  }

  @Test
  @DisplayName("3.6: PUT /cid/oauth2/ctid/referral on a user, and on an account")
  void setPartner() {
    onboardJane();

    backend.setPartner(USER, null, "IB-7781");
    backend.setPartner(USER, ACCOUNT, "IB-7782");

    List<Request> set = standIn.journal("3.6");
    assertEquals(List.of("PUT", "PUT"), set.stream().map(Request::method).toList());
    assertEquals(TOKEN, set.get(0).param("token"));
    assertJson(
        "{\"brokerCrmName\": \"ACMECRM\", \"partnerId\": \"IB-7781\", \"userId\": 20481377}",
        set.get(0));
    assertJson(
        "{\"brokerCrmName\": \"ACMECRM\", \"partnerId\": \"IB-7782\", \"userId\": 20481377, \"ctidTraderAccountId\": 47710293}",
        set.get(1));
  }

  @Test
  @DisplayName(
      "3.7: GET /cid/oauth2/ctid/referral with brokerCrmName and one of userId / ctidTraderAccountId")
  void partnerOf() {
    onboardJane();
    backend.setPartner(USER, ACCOUNT, "IB-7781");
    long joe = backend.createUser(CreateUserRequest.of("joe@example.org", "Joe", "en"));
    standIn.reset();

    assertEquals(
        new Referral(USER, ACCOUNT, "IB-7781"), backend.partnerOf(USER, ACCOUNT).orElseThrow());
    assertTrue(backend.partnerOf(joe, null).isEmpty());

    Request read = standIn.journal("3.7").get(0);
    assertEquals("GET", read.method());
    assertEquals("/cid/oauth2/ctid/referral", read.path());
    assertEquals(TOKEN, read.param("token"));
    assertEquals("ACMECRM", read.param("brokerCrmName"));
    assertEquals("47710293", read.param("ctidTraderAccountId"));
    assertNull(read.param("userId"));
  }

  @Test
  @DisplayName(
      "3.8: DELETE /cid/oauth2/ctid/referral with userId and, for an account, ctidTraderAccountId")
  void removePartner() {
    onboardJane();

    backend.removePartner(USER, ACCOUNT);
    backend.removePartner(USER, null);

    List<Request> removed = standIn.journal("3.8");
    assertEquals(List.of("DELETE", "DELETE"), removed.stream().map(Request::method).toList());
    assertEquals(TOKEN, removed.get(0).param("token"));
    assertEquals("ACMECRM", removed.get(0).param("brokerCrmName"));
    assertEquals("20481377", removed.get(0).param("userId"));
    assertEquals("47710293", removed.get(0).param("ctidTraderAccountId"));
    assertEquals("20481377", removed.get(1).param("userId"));
    assertNull(removed.get(1).param("ctidTraderAccountId"));
  }

  @Test
  @DisplayName("3.9: PUT /cid/oauth2/ctid/inAppControls, V4 layout; an empty list sends rules {}")
  void ribbons() {
    onboardJane();

    backend.showRibbons(
        USER,
        List.of(
            Ribbon.of(
                    "#1f8efa",
                    "Verify your identity to unlock withdrawals",
                    false,
                    RibbonAction.inApp("https://crm.example.org/kyc/start"))
                .forAccount(ACCOUNT),
            new Ribbon(
                "#22aa55",
                "Deposit bonus this week",
                true,
                true,
                RibbonAction.external("https://www.example.org/promo"),
                "ACMEFX",
                null)));
    backend.showRibbons(USER, List.of());

    List<Request> pushed = standIn.journal("3.9");
    assertEquals(List.of("PUT", "PUT"), pushed.stream().map(Request::method).toList());
    assertEquals("/cid/oauth2/ctid/inAppControls", pushed.get(0).path());
    assertEquals(TOKEN, pushed.get(0).param("token"));
    assertJson(
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
        """,
        pushed.get(0));
    assertJson(
        "{\"brokerCrmName\": \"ACMECRM\", \"userId\": 20481377, \"rules\": {}}", pushed.get(1));
    assertEquals(List.of(), standIn.ribbons(USER), "cTrader shows none");
  }

  @Test
  @DisplayName("3.10: PUT /cid/oauth2/ctid/changeEmail by default, POST when configured; 204")
  void changeEmail() {
    onboardJane();

    backend.changeEmail(USER, "jane.d@example.net");
    standIn
        .backend(Map.of("ctrader.change-email.method", "post"))
        .changeEmail(USER, "jane.e@example.net");

    String body = "{\"userId\": 20481377, \"newEmail\": \"%s\", \"brokerCrmName\": \"ACMECRM\"}";
    List<Request> changes = standIn.journal("3.10");
    assertEquals(List.of("PUT", "POST"), changes.stream().map(Request::method).toList());
    assertEquals(List.of(TOKEN, TOKEN), tokensOf("3.10"));
    assertJson(body.formatted("jane.d@example.net"), changes.get(0));
    assertJson(body.formatted("jane.e@example.net"), changes.get(1));
    assertEquals(List.of(204, 204), changes.stream().map(Request::status).toList());
  }

  @Test
  @DisplayName(
      "3.11: GET on the configured path with brokerCrmName and the email; an empty body means no such user")
  void findUserId() {
    backend.createUser(CreateUserRequest.of("jane+fx@example.org", "Jane", "en"));
    standIn.reset();

    assertEquals(USER, backend.findUserId("jane+fx@example.org").orElseThrow());
    assertTrue(backend.findUserId("nobody@example.org").isEmpty());

    Request find = standIn.journal("3.11").get(0);
    assertEquals("GET", find.method());
    assertEquals("/cid/oauth2/ctid/userIdByEmail", find.path());
    assertEquals(TOKEN, find.param("token"));
    assertEquals("ACMECRM", find.param("brokerCrmName"));
    assertEquals("jane+fx@example.org", find.param("email"));
    assertTrue(
        find.query().contains("jane%2Bfx%40example.org"), "the email is URL-encoded: " + find);
    assertEquals("", standIn.journal("3.11").get(1).answer(), "nobody: an empty body");
  }

  @Test
  @DisplayName("3.12: the configured method and path, with brokerCrmName and userId in the query")
  void logOut() {
    backend.createUser(CreateUserRequest.of(EMAIL, "Jane", "en"));
    standIn.reset();

    backend.logOut(USER);

    Request logOut = only("3.12");
    assertEquals("POST", logOut.method());
    assertEquals("/cid/oauth2/ctid/logout", logOut.path());
    assertEquals(TOKEN, logOut.param("token"));
    assertEquals("ACMECRM", logOut.param("brokerCrmName"));
    assertEquals("20481377", logOut.param("userId"));
  }

  @Test
  @DisplayName(
      "3.13: PUT /cid/oauth2/ctid/acceptAgreement with brokerCrmName and userId in the query, no body")
  void acceptAgreement() {
    backend.createUser(CreateUserRequest.of(EMAIL, "Jane", "en"));
    standIn.reset();

    backend.acceptAgreement(USER);

    Request accepted = only("3.13");
    assertEquals("PUT", accepted.method());
    assertEquals("/cid/oauth2/ctid/acceptAgreement", accepted.path());
    assertEquals(TOKEN, accepted.param("token"));
    assertEquals("ACMECRM", accepted.param("brokerCrmName"));
    assertEquals("20481377", accepted.param("userId"));
    assertEquals("", accepted.body());
  }

  @Test
  @DisplayName(
      "redeem: POST /cid/ctid2/inAppToken/redeem {token}; a 404 without body is a rejection with the status")
  void redeemInAppToken() {
    onboardJane();
    String minted = standIn.inAppToken(USER, EMAIL, LOGIN);

    assertEquals(new RedeemedInAppToken(USER, EMAIL, LOGIN), backend.redeemInAppToken(minted));
    CtraderRejection gone =
        assertThrows(CtraderRejection.class, () -> backend.redeemInAppToken(minted));
    assertEquals(404, gone.status());
    assertEquals(null, gone.errorCode());

    Request redeem = standIn.journal("redeem").get(0);
    assertEquals("POST", redeem.method());
    assertEquals("/cid/ctid2/inAppToken/redeem", redeem.path());
    assertEquals(TOKEN, redeem.param("token"));
    assertJson("{\"token\": \"" + minted + "\"}", redeem);
  }

  @Test
  @DisplayName(
      "a refused manager token is fetched again once, and the call repeated once with the new one")
  void managerTokenRefresh() {
    backend.createUser(CreateUserRequest.of(EMAIL, "Jane", "en"));
    long usd = openTrader("USD");
    long eur = openTrader("EUR");
    String old = standIn.token();
    standIn.expireToken();

    assertEquals(ACCOUNT, backend.linkAccount(USER, usd, HASH));
    assertEquals(ACCOUNT + 1, backend.linkAccount(USER, eur, HASH));

    String renewed = standIn.token();
    assertNotEquals(old, renewed);
    assertEquals(2, standIn.journal("3.1").size());
    List<Request> links = standIn.journal("3.4");
    assertEquals(
        List.of(old, renewed, renewed), links.stream().map(r -> r.param("token")).toList());
    assertEquals(List.of(401, 200, 200), links.stream().map(Request::status).toList());
  }

  @Test
  @DisplayName("a token refused twice in a row surfaces as a rejection instead of looping")
  void managerTokenRefusedForGood() {
    standIn.every("3.4").refuse(403, "CH_INVALID_TOKEN");
    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.linkAccount(1, 2, "h"));
    assertEquals("CH_INVALID_TOKEN", rejection.errorCode());
    assertEquals(2, standIn.journal("3.1").size());
    assertEquals(2, standIn.journal("3.4").size());
  }

  @Test
  @DisplayName("a wrong manager password fails the call with the backend's rejection")
  void wrongManagerPassword() {
    RestCtraderBackend wrong = standIn.backend(Map.of("ctrader.manager.password", "not-it"));
    assertTrue(
        assertThrows(CtraderRejection.class, () -> wrong.logOut(1))
            .is(WebservErrorCode.WRONG_PASSWORD));
  }

  @Test
  @DisplayName(
      "time-out: a GET is repeated (ctrader.read.retries), a POST is sent once and reported as unreachable")
  void timeouts() {
    onboardJane();
    RestCtraderBackend impatient = standIn.backend(Map.of("ctrader.timeout", "PT0.3S"));
    standIn.every("3.7").delay(Duration.ofMillis(1500));
    standIn.every("3.5").delay(Duration.ofMillis(1500));

    assertThrows(CtraderUnreachable.class, () -> impatient.partnerOf(USER, null));
    assertThrows(CtraderUnreachable.class, () -> impatient.deposit(LOGIN, BigDecimal.TEN, "D-1"));

    assertEquals(3, standIn.journal("3.7").size());
    assertEquals(1, standIn.journal("3.5").size());
  }

  @Test
  @DisplayName(
      "a 5xx without error code on a non-GET is unreachable (outcome unknown) and not repeated")
  void serverErrorIsNotRepeated() {
    standIn.next("3.3").failAfterActing(502);
    assertThrows(
        CtraderUnreachable.class,
        () ->
            backend.openTradingAccount(
                TraderRequest.of("USD", "g", "h", 10000, AccountType.HEDGED)));
    assertEquals(1, standIn.journal("3.3").size());
    assertTrue(only("3.3").acted(), "cTrader opened an account the client never heard of");
  }

  @Test
  @DisplayName(
      "an answer lost to the time-out after cTrader acted: unreachable, and the POST is not repeated")
  void lostAnswerIsNotRepeated() {
    onboardJane();
    standIn.next("3.5").loseAnswer();

    assertThrows(CtraderUnreachable.class, () -> backend.deposit(LOGIN, BigDecimal.TEN, "D-4"));

    Request deposit = only("3.5");
    assertTrue(deposit.acted());
    assertEquals(0, deposit.status(), "no answer reached the client");
    Trader booked = standIn.trader(LOGIN).orElseThrow();
    assertEquals(new BigDecimal("10.00"), booked.money(booked.balance()));
  }

  @Test
  @DisplayName("a connection dropped after cTrader acted: unreachable, and the POST is not resent")
  void droppedConnectionIsNotResent() {
    onboardJane();
    standIn.next("3.5").dropConnectionAfterActing();

    assertThrows(CtraderUnreachable.class, () -> backend.deposit(LOGIN, BigDecimal.TEN, "D-5"));

    assertEquals(1, standIn.journal("3.5").size(), "3.5 is not idempotent: never sent twice");
  }

  @Test
  @DisplayName(
      "REQUEST_FREQUENCY_EXCEEDED: surfaces at once as a rejection (nothing done) with cTrader's Retry-After; the caller's thread never waits for the window")
  void rateLimitIsNotWaitedFor() {
    standIn.every("3.5").rateLimit(Duration.ofHours(1));

    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.deposit(5, BigDecimal.TEN, "D-3"));

    assertTrue(rejection.isRateLimit());
    assertEquals(Optional.of(Duration.ofHours(1)), rejection.retryAfter());
    assertEquals(1, standIn.journal("3.5").size(), "not repeated on the caller's thread");
  }

  @Test
  @DisplayName("a 429 without error body is the rate limit too; no Retry-After: none is assumed")
  void status429IsTheRateLimit() {
    standIn.next("3.5").refuse(429, null);
    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.deposit(5, BigDecimal.TEN, "D-6"));
    assertTrue(rejection.isRateLimit());
    assertEquals(Optional.empty(), rejection.retryAfter());
  }

  @Test
  @DisplayName(
      "a 5xx with UNKNOWN_ERROR (or a code the product does not know) on a non-GET is in doubt: unreachable, not repeated")
  void serverErrorWithUnknownErrorIsInDoubt() {
    onboardJane();
    standIn.next("3.5").failAfterActing(500, "UNKNOWN_ERROR");
    standIn.next("3.3").failAfterActing(503, "SOMETHING_NEW");

    assertThrows(CtraderUnreachable.class, () -> backend.deposit(LOGIN, BigDecimal.TEN, "D-7"));
    assertThrows(
        CtraderUnreachable.class,
        () ->
            backend.openTradingAccount(
                TraderRequest.of("USD", "g", "h", 10000, AccountType.HEDGED)));

    assertEquals(1, standIn.journal("3.5").size());
    assertEquals(1, standIn.journal("3.3").size());
  }

  @Test
  @DisplayName(
      "a 5xx whose error code says nothing was done (TRADER_GROUP_NOT_FOUND, NOT_ENOUGH_MONEY, ...) is a rejection")
  void serverErrorNamingNothingDoneIsARejection() {
    standIn.next("3.5").refuse(500, "NOT_ENOUGH_MONEY");
    CtraderRejection rejection =
        assertThrows(CtraderRejection.class, () -> backend.deposit(5, BigDecimal.TEN, "D-8"));
    assertTrue(rejection.is(WebservErrorCode.NOT_ENOUGH_MONEY));
    assertEquals(500, rejection.status());
  }

  @Test
  @DisplayName("a GET answered 500 UNKNOWN_ERROR is repeated: reading is safe")
  void readServerErrorIsRepeated() {
    onboardJane();
    standIn.next("3.11").refuse(500, "UNKNOWN_ERROR");
    assertEquals(OptionalLong.of(USER), backend.findUserId("jane.doe@example.org"));
    assertEquals(2, standIn.journal("3.11").size());
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
      standIn.every("3.12").refuse(401, null);
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
          List.of(CtraderStandIn.MANAGER_PASSWORD, CtraderStandIn.MANAGER_PASSWORD_MD5, TOKEN)) {
        assertFalse(text.contains(secret), "log line holds a secret: " + text);
      }
    }
    WebservSettings settings =
        new WebservSettings(
            java.net.URI.create("https://h:1"),
            1,
            CtraderStandIn.MANAGER_PASSWORD,
            "c",
            "b",
            "live",
            java.time.Duration.ofSeconds(1),
            0,
            "PUT",
            "/a",
            "POST",
            "/b",
            "/c");
    assertFalse(settings.toString().contains(CtraderStandIn.MANAGER_PASSWORD), settings.toString());
  }

  /** Jane: user 20481377 with trader 3105542 linked as 47710293; then a clean journal. */
  private void onboardJane() {
    assertEquals(USER, backend.createUser(CreateUserRequest.of(EMAIL, "Jane", "en")));
    assertEquals(LOGIN, openTrader("USD"));
    assertEquals(ACCOUNT, backend.linkAccount(USER, LOGIN, HASH));
    standIn.reset();
  }

  private long openTrader(String currency) {
    return backend
        .openTradingAccount(
            TraderRequest.of(currency, "Retail_" + currency, HASH, 10000, AccountType.HEDGED))
        .login();
  }

  /** The one request of the call. */
  private Request only(String call) {
    List<Request> requests = standIn.journal(call);
    assertEquals(1, requests.size(), call + ": " + requests);
    return requests.get(0);
  }

  private List<String> tokensOf(String call) {
    return standIn.journal(call).stream().map(request -> request.param("token")).toList();
  }

  /** The request's body is this JSON: the same keys and values, nothing more. */
  private static void assertJson(String expected, Request request) {
    JsonObject json = Json.createReader(new StringReader(expected)).readObject();
    assertEquals(json, request.json(), request.body());
  }
}
