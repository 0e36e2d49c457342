package org.brokersso.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Spotware's functional tests (§7.3) that concern the identity screens, driven in headless
 * Chromium against the WAR in sandbox mode. Each flow ends with the OT token the browser reached
 * the success URL with, exchanged over HTTP at 4.2: the screens and the API proven together.
 */
class FunctionalConformanceIT extends ContractIT {

  @Test
  @DisplayName("6.3.1 a new trader signs up, opens an account, and 4.2 then 4.3 know them (keep me logged in)")
  void signupWithKeepMeLoggedIn() {
    try (Browser browser = new Browser(ctrader.base())) {
      String email = Traders.newEmail();
      Traders.signUp(browser, "/auth/login?firstLogin=true&lang=en&theme=light&source=Web", email, true);
      assertTrue(browser.url().getPath().endsWith("/account/create"), "signup continues to account creation: " + browser.url());
      browser.screenshots("account-create");
      Traders.createAccount(browser);

      assertTrue(browser.url().getPath().endsWith("/callback/success"), "account creation ends on the success URL");
      String token = browser.queryParameter("token");
      assertTrue(token.startsWith("ot_"), "the success URL carries an OT token");
      browser.screenshots("callback-success");

      JsonObject session = ctrader.exchange(crmApiToken, token).expect(200).json();
      assertTrue(session.containsKey("accessToken"), "keep me logged in: 4.2 answers an accessToken");
      long userId = session.getJsonNumber("userId").longValue();
      JsonObject verified = ctrader.authorize(crmApiToken, session.getString("accessToken")).expect(200).json();
      assertEquals(userId, verified.getJsonNumber("userId").longValue(), "4.3 answers the same cTrader user");
      ctrader.exchange(crmApiToken, token).expectError(410, "CID_TOKEN_EXPIRED");
    }
  }

  @Test
  @DisplayName("6.3.2 an existing trader logs in; without keep me logged in 4.2 answers no accessToken")
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
  @DisplayName("6.1.5 / 6.1.6 every login mints a new OT token, and different users get different ones")
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
      assertEquals(expectedUserId, ctrader.exchange(crmApiToken, token).expect(200).json().getJsonNumber("userId").longValue());
      return token;
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
}
