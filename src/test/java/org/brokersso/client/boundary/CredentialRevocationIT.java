package org.brokersso.client.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.TestMailbox;
import org.brokersso.Traders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A new password ends every other credential of the trader (an attacker's view): the "keep me
 * logged in" access token and inappToken cTrader holds, other browsers' screen sessions, and reset
 * links mailed before; and a newer reset link voids the older ones. Real browsers against the WAR,
 * mail through GreenMail, cTrader's calls over HTTP.
 */
@Tag(Browser.TAG)
class CredentialRevocationIT extends ContractIT {

  private static final Pattern RESET_LINK =
      Pattern.compile("https?://\\S+/auth/reset\\?token=pr_[A-Za-z0-9_-]{43}[^\\s\"<>]*");

  private static final String NEW_PASSWORD = "a brand new secret";

  /** A trader signed up with "keep me logged in", their 4.2 session at cTrader, their e-mail. */
  private record Trader(String email, JsonObject session) {
    String accessToken() {
      return session.getString("accessToken");
    }

    String inappToken() {
      return session.getString("inappToken");
    }

    long userId() {
      return session.getJsonNumber("userId").longValue();
    }
  }

  private Trader signedUp(Browser browser) {
    String email = Traders.newEmail();
    Traders.signUp(browser, "/auth/login?firstLogin=true&lang=en", email, true);
    Traders.createAccount(browser);
    JsonObject session =
        ctrader.exchange(crmApiToken, browser.queryParameter("token")).expect(200).json();
    browser.open("/client/accounts");
    assertTrue(browser.has("accounts"), "signed in to the client area");
    return new Trader(email, session);
  }

  private static void signedInElsewhere(Browser other, Trader trader) {
    Traders.logIn(other, "/client/accounts?lang=en", trader.email(), Traders.PASSWORD, false);
    assertTrue(other.has("accounts"), "the other browser is in the client area: " + other.url());
  }

  private void requestResetLink(Browser browser, String email) {
    browser.open("/auth/forgot?lang=en");
    browser.type("forgot:email", email).click("forgot:submit");
    assertTrue(browser.has("sent"));
  }

  /** Every credential but the new password is refused. */
  private void everyOldCredentialRefused(Trader trader, Browser other, String resetLink) {
    ctrader.authorize(crmApiToken, trader.accessToken()).expectError(410, "CID_TOKEN_EXPIRED");
    ctrader
        .generate(crmApiToken, trader.userId(), trader.inappToken())
        .expectError(403, "INAPP_TOKEN_MISMATCH");
    other.open("/client/accounts");
    assertTrue(
        other.has("login:submit") && !other.has("accounts"),
        "the other browser's session has ended: " + other.url());
    other.open(resetLink);
    assertTrue(other.has("invalid"), "the reset link mailed before is void");
  }

  @Test
  @DisplayName(
      "a password change in the client area ends the access and inApp tokens, other browsers, InApp"
          + " openings and earlier reset links; the changing browser stays signed in")
  void passwordChangeRevokesEveryOtherCredential() throws Exception {
    try (Browser own = new Browser(ctrader.base());
        Browser other = new Browser(ctrader.base());
        Browser app = new Browser(ctrader.base())) {
      Trader trader = signedUp(own);
      signedInElsewhere(other, trader);
      requestResetLink(other, trader.email());
      String resetLink = resetLinksMailedTo(trader.email(), 1).get(0);
      ctrader.authorize(crmApiToken, trader.accessToken()).expect(200);
      String inAppScreen =
          ctrader
              .generate(crmApiToken, trader.userId(), trader.inappToken())
              .expect(200)
              .json()
              .getString("token");
      app.open("/inapp/kyc?token=" + inAppScreen + "&lang=en");
      assertFalse(app.has("refused"), "an InApp screen opened before the change");

      own.open("/client/password?lang=en");
      own.type("password:current", Traders.PASSWORD)
          .type("password:replacement", NEW_PASSWORD)
          .click("password:submit");
      assertTrue(own.has("confirmation"), "the password was changed: " + own.url());

      everyOldCredentialRefused(trader, other, resetLink);
      app.open("/inapp/kyc");
      assertTrue(app.has("refused"), "the InApp opening from before the change has ended");
      own.open("/client/accounts");
      assertTrue(own.has("accounts"), "the browser that changed it stays signed in");
    }
  }

  @Test
  @DisplayName(
      "a password reset ends the access and inApp tokens, other browsers and the other reset links")
  void passwordResetRevokesEveryOtherCredential() throws Exception {
    try (Browser own = new Browser(ctrader.base());
        Browser other = new Browser(ctrader.base());
        Browser mailbox = new Browser(ctrader.base())) {
      Trader trader = signedUp(own);
      signedInElsewhere(other, trader);
      requestResetLink(mailbox, trader.email());
      String first = resetLinksMailedTo(trader.email(), 1).get(0);
      ctrader.advanceServerClock(Duration.ofSeconds(62)); // one link a minute
      requestResetLink(mailbox, trader.email());
      String second = resetLinksMailedTo(trader.email(), 2).get(1);

      mailbox.open(second);
      mailbox.type("reset:password", NEW_PASSWORD).click("reset:submit");
      assertTrue(mailbox.has("confirmation"), "the newer link set the password");

      everyOldCredentialRefused(trader, other, first);
      own.open("/client/accounts");
      assertTrue(own.has("login:submit"), "the browser signed in before the reset is out too");
    }
  }

  @Test
  @DisplayName("of two reset links, the older is void as soon as the newer is mailed")
  void newerResetLinkVoidsTheOlder() throws Exception {
    String email = Traders.newEmail();
    Traders.registered(ctrader, email);
    try (Browser browser = new Browser(ctrader.base())) {
      requestResetLink(browser, email);
      String first = resetLinksMailedTo(email, 1).get(0);
      ctrader.advanceServerClock(Duration.ofSeconds(62));
      requestResetLink(browser, email);
      String second = resetLinksMailedTo(email, 2).get(1);

      browser.open(first);
      assertTrue(browser.has("invalid"), "the older link is void before the newer is used");
      assertFalse(browser.has("reset:submit"));
      browser.open(second);
      browser.type("reset:password", NEW_PASSWORD).click("reset:submit");
      assertTrue(browser.has("confirmation"), "the newer link works");
      browser.open(first);
      assertTrue(browser.has("invalid"), "and the older one stays void");
    }
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.logIn(browser, "/auth/login", email, NEW_PASSWORD, false);
      assertFalse(browser.has("login:submit"), "the newer link's password is the password");
    }
  }

  /** The first {@code count} reset links mailed to the address, oldest first. */
  private static List<String> resetLinksMailedTo(String email, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    List<String> links = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      links.clear();
      for (TestMailbox.Mail mail : TestMailbox.mailsTo(email)) {
        Matcher link = RESET_LINK.matcher(mail.body());
        if (link.find()) {
          links.add(link.group());
        }
      }
      if (links.size() >= count) {
        assertEquals(count, links.size(), "no more links than requested");
        return links;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("fewer than " + count + " reset links were mailed to " + email);
  }
}
