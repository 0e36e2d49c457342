package org.brokersso.funding.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.brokersso.Browser;
import org.brokersso.ContractClient;
import org.brokersso.ContractClient.Reply;
import org.brokersso.Deployments;
import org.brokersso.InAppTrader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The InApp money chain against cTrader's backend over HTTP (§6.6): cTrader mints a token (4.4),
 * the deposit screen takes it once, the sandbox payment provider approves, and the product sends
 * 3.5 DEPOSIT once, through its REST client, to {@link CtraderDouble}, whose journal is the
 * evidence. Only the backend is replaced ({@link CtraderDoubleBackend}); everything else is the
 * built WAR in sandbox mode.
 */
@ExtendWith(ArquillianExtension.class)
class InAppChainIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.withTests(CtraderDouble.class, CtraderDoubleBackend.class);
  }

  private final ContractClient ctrader = new ContractClient();
  private String crmApiToken;

  @BeforeEach
  void authenticated() {
    crmApiToken = ctrader.crmApiToken();
  }

  @Test
  @DisplayName(
      "4.4 token → deposit screen once → approved payment → one 3.5 DEPOSIT on cTrader's double; the token again is refused")
  void depositReachesCtraderOnce() throws Exception {
    try (Browser browser = new Browser(ctrader.base());
        Browser app = new Browser(ctrader.base())) {
      InAppTrader trader = InAppTrader.signUp(browser, ctrader, crmApiToken);
      List<JsonObject> links =
          requests("3.4", "").stream()
              .filter(link -> body(link).getJsonNumber("traderLogin").longValue() == trader.login())
              .toList();
      assertEquals(
          1, links.size(), "the account was opened and linked by cTrader's double (3.3, 3.4)");

      String screen =
          "/inapp/deposit?token="
              + trader.inAppToken(ctrader, crmApiToken)
              + "&account="
              + trader.login()
              + "&lang=en";
      app.open(screen);
      assertEquals(
          String.valueOf(trader.login()),
          app.text("account-login"),
          "the token opened the deposit screen");
      Reply replay = ctrader.get(screen.substring(1));
      assertEquals(403, replay.status(), "the same token opened again");
      assertTrue(
          replay.body().contains("id=\"refused\"") && replay.body().contains("already been used"),
          replay.body());
      assertFalse(replay.body().contains("deposit:amount"), "no deposit form for the replay");

      app.type("deposit:amount", "250.75")
          .select("deposit:outcome", "APPROVE")
          .click("deposit:submit");
      assertEquals("/inapp/done", app.url().getPath());
      assertEquals("deposit", app.queryParameter("what"));

      JsonObject credit = theOneCredit(trader, "250.75");
      assertEquals(200, credit.getInt("status"), "cTrader's double booked it");
      assertEquals(25_075, balanceOnTheDouble(trader), "cTrader holds the amount, in cents");
      browser.open("/client/accounts");
      assertTrue(
          browser.texts("tr.account td.balance").get(0).startsWith("250.75"),
          "the client area shows what 3.5 booked");
    }
  }

  @Test
  @DisplayName("a double submit of the deposit form sends one 3.5 to cTrader's double")
  void doubleSubmitSendsOneChangeBalance() throws Exception {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = InAppTrader.signUp(browser, ctrader, crmApiToken);
      browser.open(
          "/inapp/deposit?token="
              + trader.inAppToken(ctrader, crmApiToken)
              + "&account="
              + trader.login()
              + "&lang=en");
      browser.type("deposit:amount", "40");
      for (int status : browser.postTwiceAtOnce("deposit")) {
        assertTrue(status < 500, "each post is answered");
      }
      theOneCredit(trader, "40");
      assertEquals(4_000, balanceOnTheDouble(trader));
    }
  }

  /** The trader's only 3.5 on the double, checked against the deposit the screen was given. */
  private JsonObject theOneCredit(InAppTrader trader, String amount) {
    List<JsonObject> credits = requests("3.5", "/traders/" + trader.login() + "/changebalance");
    assertEquals(1, credits.size(), "exactly one 3.5 reached cTrader: " + credits);
    JsonObject body = body(credits.get(0));
    assertEquals(trader.login(), body.getJsonNumber("login").longValue());
    assertEquals(
        0,
        new BigDecimal(amount).compareTo(body.getJsonNumber("preciseAmount").bigDecimalValue()),
        body.toString());
    assertEquals("DEPOSIT", body.getString("type"));
    assertTrue(body.getString("externalId").matches("dep-\\d+"), body.toString());
    return credits.get(0);
  }

  private JsonObject journal() {
    return ctrader.get("ctrader-double/journal").expect(200).json();
  }

  /** The requests of one call the double received, whose path contains {@code path}. */
  private List<JsonObject> requests(String call, String path) {
    return journal().getJsonArray("requests").getValuesAs(JsonObject.class).stream()
        .filter(
            request ->
                request.getString("call").equals(call) && request.getString("path").contains(path))
        .toList();
  }

  private long balanceOnTheDouble(InAppTrader trader) {
    return journal()
        .getJsonObject("balances")
        .getJsonNumber(Long.toString(trader.login()))
        .longValue();
  }

  private static JsonObject body(JsonObject request) {
    try (JsonReader reader = Json.createReader(new StringReader(request.getString("body")))) {
      return reader.readObject();
    }
  }
}
