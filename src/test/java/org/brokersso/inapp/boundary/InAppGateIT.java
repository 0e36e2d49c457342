package org.brokersso.inapp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.InAppTrader;
import org.brokersso.Traders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The InApp screens' entrance (§6.6): a token from call 4.4 opens one screen once, for its trader;
 * every other link gets the refusal page and nothing else. Real HTTP to the WAR and a real browser.
 */
@Tag(Browser.TAG)
class InAppGateIT extends ContractIT {

  private InAppTrader signedUp(Browser browser) {
    return InAppTrader.signUp(browser, ctrader, crmApiToken);
  }

  private String inAppToken(InAppTrader trader) {
    return trader.inAppToken(ctrader, crmApiToken);
  }

  @Test
  @DisplayName(
      "a 4.4 token opens the generic action screen once, and leaves the address without it")
  void tokenOpensAScreenOnce() {
    String url;
    try (Browser cTrader = new Browser(ctrader.base())) {
      InAppTrader trader = signedUp(cTrader);
      url = "/inapp/action?token=" + inAppToken(trader) + "&lang=es&theme=dark&source=Android";
      try (Browser app = new Browser(ctrader.base())) {
        app.open(url);
        assertTrue(app.has("action"), "the screen opened");
        assertNull(app.queryParameter("token"), "the token is gone from the address");
        assertEquals("dark", app.queryParameter("theme"), "display parameters stay");
        assertTrue(app.has("close"), "an InApp screen can be closed");
        app.screenshots("inapp-action");
        app.open("/inapp/chat");
        assertTrue(
            app.has("refused") && !app.has("support-email"),
            "the opening was for the action screen: the chat needs a token of its own");
      }
    }
    try (Browser replay = new Browser(ctrader.base())) {
      replay.open(url);
      assertTrue(replay.has("refused") && !replay.has("action"), "a used token opens nothing");
      assertTrue(replay.text("refused").contains("ya se ha utilizado"), replay.text("refused"));
    }
  }

  @Test
  @DisplayName(
      "missing, unknown, expired and login tokens get the refusal page with 400/403 and no screen")
  void refusedTokens() throws Exception {
    assertEquals(400, status("/inapp/action"), "no token");
    assertEquals(403, status("/inapp/action?token=ot_" + "A".repeat(43)), "unknown token");
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = signedUp(browser);
      String expiring = inAppToken(trader);
      otTokensExpire(); // 4.4 tokens live as long as OT tokens (sso.ot-token.ttl)
      assertEquals(403, status("/inapp/action?token=" + expiring), "expired token");
      browser.open("/inapp/action?token=" + expiring);
      assertTrue(browser.text("refused").contains("expired"), browser.text("refused"));
      browser.screenshots("inapp-refused");
    }
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.signUp(browser, "/auth/login?firstLogin=true", Traders.newEmail(), false);
      Traders.createAccount(browser);
      String loginToken = browser.queryParameter("token");
      assertEquals(
          403,
          status("/inapp/action?token=" + loginToken),
          "a login token from the success URL opens no InApp screen");
    }
  }

  @Test
  @DisplayName("a money screen refuses another trader's account, and one without an account")
  void foreignAccount() throws Exception {
    try (Browser first = new Browser(ctrader.base());
        Browser second = new Browser(ctrader.base())) {
      InAppTrader owner = signedUp(first);
      InAppTrader stranger = signedUp(second);
      assertEquals(
          403,
          status("/inapp/deposit?token=" + inAppToken(stranger) + "&account=" + owner.login()),
          "another trader's account");
      assertEquals(400, status("/inapp/withdraw?token=" + inAppToken(stranger)), "no account");
      second.open("/inapp/deposit?token=" + inAppToken(stranger) + "&account=" + owner.login());
      assertTrue(second.text("refused").contains("not one of yours"), second.text("refused"));
    }
  }

  @Test
  @DisplayName(
      "6.3.6 a 4.4 token opens account creation: a new live account, the InApp success page")
  void newAccountFromTheApp() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = signedUp(browser);
      try (Browser app = new Browser(ctrader.base())) {
        app.open("/account/create?token=" + inAppToken(trader) + "&lang=en");
        assertNull(app.queryParameter("token"));
        app.select("account:currency", "GBP").tick("account:terms").click("account:submit");
        assertTrue(app.url().getPath().endsWith("/inapp/done"), app.url().toString());
        assertEquals("account", app.queryParameter("what"));
        assertFalse(app.pageText().contains("ot_"), "no token anywhere on the page");
      }
      browser.open("/client/accounts"); // the trader's own client-area session, not the app's
      List<String> logins = browser.texts("tr.account td.login");
      assertEquals(2, logins.size(), "the trader now has two accounts");
      assertTrue(logins.contains(String.valueOf(trader.login())));
    }
  }

  @Test
  @DisplayName(
      "an InApp opening is no client-area sign-in: /client/accounts, /client/password and /client/web"
          + " send the app to the login form")
  void openingGrantsNoClientArea() throws Exception {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = signedUp(browser);
      for (String page : List.of("/client/accounts", "/client/password", "/client/web")) {
        try (Browser app = new Browser(ctrader.base())) {
          app.open("/inapp/action?token=" + inAppToken(trader) + "&lang=en");
          assertTrue(app.has("action"), "the screen opened");
          app.open(page);
          assertTrue(
              app.has("login:submit") && !app.has("accounts") && !app.has("password:submit"),
              page + " refused the InApp opening: " + app.url());
          assertFalse(app.pageText().contains("ot_"), "no login token minted: " + page);
        }
      }
    }
  }

  @Test
  @DisplayName("a browser signed in as B that opens A's InApp link stays B in the client area")
  void foreignLinkSwapsNoIdentity() {
    try (Browser victim = new Browser(ctrader.base());
        Browser attacker = new Browser(ctrader.base())) {
      InAppTrader b = signedUp(victim);
      InAppTrader a = signedUp(attacker);
      victim.open("/inapp/action?token=" + inAppToken(a) + "&lang=en");
      assertTrue(victim.has("action"), "the link opens its one screen");
      victim.open("/client/accounts");
      List<String> logins = victim.texts("tr.account td.login");
      assertEquals(List.of(String.valueOf(b.login())), logins, "still B's client area");
    }
  }

  @Test
  @DisplayName(
      "an InApp opening ends after inapp.session-ttl (test clock), and never lived in the client area")
  void openingExpires() throws Exception {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = signedUp(browser);
      try (Browser app = new Browser(ctrader.base())) {
        app.open("/inapp/kyc?token=" + inAppToken(trader) + "&lang=en");
        assertFalse(app.has("refused"), "the KYC screen opened");
        ctrader.advanceServerClock(Duration.ofMinutes(15).plusSeconds(1));
        app.open("/inapp/kyc");
        assertTrue(app.has("refused"), "the opening has ended: " + app.url());
        app.open("/client/accounts");
        assertTrue(app.has("login:submit"), "and it opens no client area: " + app.url());
      }
    }
  }

  private int status(String pathAndQuery) throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    URI uri = ctrader.base().resolve(pathAndQuery.substring(1));
    return http.send(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
