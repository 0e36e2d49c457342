package org.brokersso.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import org.brokersso.AuditRows;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.TestMailbox;
import org.brokersso.Traders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spotware's functional tests (§7.3) that concern the identity screens, driven in headless Chromium
 * against the WAR in sandbox mode. Each flow ends with the OT token the browser reached the success
 * URL with, exchanged over HTTP at 4.2: the screens and the API proven together.
 */
@Tag(Browser.TAG)
class FunctionalConformanceIT extends ContractIT {

  @Test
  @Tag(Browser.SMOKE_TAG) // the one browser test of the WildFly pass (mvn -Pwildfly verify)
  @DisplayName(
      "6.3.1 a new trader signs up, opens an account, and 4.2 then 4.3 know them (keep me logged in)")
  void signupWithKeepMeLoggedIn() {
    try (Browser browser = new Browser(ctrader.base())) {
      String email = Traders.newEmail();
      Traders.signUp(
          browser, "/auth/login?firstLogin=true&lang=en&theme=light&source=Web", email, true);
      assertTrue(
          browser.url().getPath().endsWith("/account/create"),
          "signup continues to account creation: " + browser.url());
      browser.screenshots("account-create");
      Traders.createAccount(browser);

      assertTrue(
          browser.url().getPath().endsWith("/callback/success"),
          "account creation ends on the success URL");
      String token = browser.queryParameter("token");
      assertTrue(token.startsWith("ot_"), "the success URL carries an OT token");
      browser.screenshots("callback-success");

      JsonObject session = ctrader.exchange(crmApiToken, token).expect(200).json();
      assertTrue(
          session.containsKey("accessToken"), "keep me logged in: 4.2 answers an accessToken");
      long userId = session.getJsonNumber("userId").longValue();
      JsonObject verified =
          ctrader.authorize(crmApiToken, session.getString("accessToken")).expect(200).json();
      assertEquals(
          userId,
          verified.getJsonNumber("userId").longValue(),
          "4.3 answers the same cTrader user");
      ctrader.exchange(crmApiToken, token).expectError(410, "CID_TOKEN_EXPIRED");
    }
  }

  @Test
  @DisplayName(
      "6.3.2 an existing trader logs in; without keep me logged in 4.2 answers no accessToken")
  void loginWithoutKeepMeLoggedIn() {
    String email = Traders.newEmail();
    long userId = Traders.registered(ctrader, email);
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.logIn(browser, "/auth/login?firstLogin=false", email, Traders.PASSWORD, false);
      String token = browser.queryParameter("token");
      JsonObject session = ctrader.exchange(crmApiToken, token).expect(200).json();
      assertEquals(userId, session.getJsonNumber("userId").longValue());
      assertFalse(session.containsKey("accessToken"), "no accessToken without keep me logged in");
    }
  }

  @Test
  @DisplayName(
      "6.1.5 / 6.1.6 every login mints a new OT token, and different users get different ones")
  void everyLoginANewToken() {
    String first = Traders.newEmail();
    String second = Traders.newEmail();
    long firstId = Traders.registered(ctrader, first);
    long secondId = Traders.registered(ctrader, second);
    String a = loginAndExchange(first, firstId);
    String b = loginAndExchange(first, firstId); // a new browser profile: the "incognito" repeat
    String c = loginAndExchange(second, secondId);
    assertNotEquals(a, b, "a second login of the same trader gets another token");
    assertNotEquals(a, c, "another trader gets another token");
    assertNotEquals(b, c);
  }

  /** Logs in in a fresh browser, checks 4.2 names the trader; answers the OT token. */
  private String loginAndExchange(String email, long expectedUserId) {
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.logIn(browser, "/auth/login", email, Traders.PASSWORD, false);
      String token = browser.queryParameter("token");
      assertEquals(
          expectedUserId,
          ctrader
              .exchange(crmApiToken, token)
              .expect(200)
              .json()
              .getJsonNumber("userId")
              .longValue());
      return token;
    }
  }

  @Test
  @DisplayName(
      "5.4 the broker's own login address (screen.login-path) is the same one URL: firstLogin picks the form")
  void configuredLoginAddress() {
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/Trader/Logon?firstLogin=true&lang=es");
      assertTrue(browser.has("signup:submit"), "firstLogin=true shows signup");
      assertTrue(
          browser.url().getPath().equals("/Trader/Logon"),
          "the address bar keeps the URL cTrader opened");
      browser.open("/Trader/Logon?firstLogin=false");
      assertTrue(
          browser.has("login:submit") && !browser.has("signup:submit"),
          "firstLogin=false shows login");
    }
  }

  @Test
  @DisplayName("6.3.7 the login form links to signup and the signup form to login")
  void switchBetweenLoginAndSignup() {
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/login?firstLogin=true&lang=en&theme=dark");
      assertTrue(browser.has("signup:submit"), "firstLogin=true shows signup");
      browser.click("to-login");
      assertTrue(browser.has("login:submit"), "the signup form links to login");
      assertEquals("dark", browser.queryParameter("theme"), "the theme travels with the link");
      browser.click("to-signup");
      assertTrue(browser.has("signup:submit"), "the login form links to signup");
      assertTrue(browser.has("to-login"));
    }
  }

  @Test
  @DisplayName(
      "6.3.9 reset password from the login screen: e-mailed link, new password, logged in, new password works")
  void resetPassword() throws Exception {
    String email = Traders.newEmail();
    long userId = Traders.registered(ctrader, email);
    String link;
    try (Browser browser = new Browser(ctrader.base())) {
      browser.open("/auth/login?lang=en");
      browser.click("forgot");
      browser.type("forgot:email", email).click("forgot:submit");
      assertTrue(
          browser.has("sent"), "the screen confirms without telling whether the address exists");
      link = TestMailbox.resetLink(email);
      browser.open(link);
      browser.screenshots("auth-reset");
      browser.type("reset:password", "a brand new secret").click("reset:submit");
      assertTrue(
          browser.url().getPath().endsWith("/client/accounts"),
          "the trader ends up logged in: " + browser.url());
      assertTrue(browser.has("confirmation"), "with a confirmation message");
    }
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.logIn(browser, "/auth/login", email, Traders.PASSWORD, false);
      assertTrue(browser.has("login:submit"), "the old password no longer works");
      Traders.logIn(browser, "/auth/login", email, "a brand new secret", false);
      String token = browser.queryParameter("token");
      assertEquals(
          userId,
          ctrader
              .exchange(crmApiToken, token)
              .expect(200)
              .json()
              .getJsonNumber("userId")
              .longValue());
      browser.open(link);
      assertTrue(browser.has("invalid"), "a reset link works once");
    }
  }

  @Test
  @DisplayName(
      "6.3.3 a trader who signs up through a partner's link appears in that partner's list")
  void partnerAttribution() {
    String partnerEmail = Traders.newEmail();
    String traderEmail = Traders.newEmail();
    String partnerId;
    try (Browser partner = new Browser(ctrader.base())) {
      Traders.signUp(partner, "/auth/login?firstLogin=true", partnerEmail, false);
      Traders.createAccount(partner);
      partner.open("/client/partner").click("join:submit");
      partnerId = partner.text("partner-id");
      assertTrue(
          partner
              .text("referral-link")
              .endsWith("/auth/login?firstLogin=true&partnerId=" + partnerId));
      try (Browser incognito = new Browser(ctrader.base())) {
        Traders.signUp(
            incognito, "/auth/login?firstLogin=true&partnerId=" + partnerId, traderEmail, false);
        Traders.createAccount(incognito);
        assertTrue(incognito.queryParameter("token").startsWith("ot_"));
      }
      partner.open("/client/partner");
      partner.screenshots("client-partner");
      assertTrue(
          partner.texts("tr.referred td.email").contains(traderEmail),
          "the partner sees the new trader");
    }
    assertEquals(
        1,
        AuditRows.countWithDetail("PARTNER_ATTRIBUTION", "SUCCESS", "partner " + partnerId),
        "cTrader was told the partner once (3.6)");
  }

  @Test
  @DisplayName(
      "6.3.8 the client area opens embedded cTrader Web, logged in through a fresh OT token")
  void embeddedCtraderWeb() {
    String email = Traders.newEmail();
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.signUp(browser, "/auth/login?firstLogin=true&lang=es", email, false);
      Traders.createAccount(browser);
      long userId =
          ctrader
              .exchange(crmApiToken, browser.queryParameter("token"))
              .expect(200)
              .json()
              .getJsonNumber("userId")
              .longValue();
      browser.open("/client/accounts");
      String login = browser.texts("tr.account td.login").get(0);
      browser.click("nav-web");
      URI frame = URI.create(browser.attribute("iframe#ctrader-web", "src"));
      assertTrue(
          frame.getPath().endsWith("/sandbox/ctrader-web"),
          "the sandbox's stand-in for cTrader Web");
      String query = frame.getRawQuery();
      assertTrue(query.startsWith("source=web&token=ot_"), query);
      assertTrue(
          query.contains("&lang=es") && query.endsWith("&acc=" + login),
          "language and trading account travel: " + query);
      browser.driver().switchTo().frame("ctrader-web");
      assertEquals(
          String.valueOf(userId),
          browser.text("user-id"),
          "cTrader Web redeemed the token for the same trader");
      browser.driver().switchTo().defaultContent();
      browser.screenshots("client-web");
    }
  }
}
