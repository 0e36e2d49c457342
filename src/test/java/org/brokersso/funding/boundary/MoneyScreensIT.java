package org.brokersso.funding.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.InAppTrader;
import org.brokersso.SandboxRows;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The deposit and withdrawal screens end to end (§6.6, conformance 6.3.4/6.3.5): 4.4 mints the
 * token, the screen opens with it once, and the sandbox cTrader books 3.5 exactly once, counted in
 * its own tables. Accounts are in EUR (Traders.createAccount) with two decimals: the sandbox's
 * balance is in cents.
 */
@Tag(Browser.TAG)
class MoneyScreensIT extends ContractIT {

  private InAppTrader trader(Browser browser) {
    return InAppTrader.signUp(browser, ctrader, crmApiToken);
  }

  private void open(Browser app, InAppTrader trader, String screen) {
    open(app, trader, screen, "light");
  }

  private void open(Browser app, InAppTrader trader, String screen, String theme) {
    app.open(
        screen
            + "?token="
            + trader.inAppToken(ctrader, crmApiToken)
            + "&account="
            + trader.login()
            + "&lang=en&theme="
            + theme);
  }

  @Test
  @DisplayName(
      "6.3.4 an approved deposit is credited once (3.5), and the client area shows the balance")
  void approvedDeposit() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      try (Browser app = new Browser(ctrader.base())) {
        open(app, trader, "/inapp/deposit");
        assertEquals(String.valueOf(trader.login()), app.text("account-login"));
        app.screenshots("inapp-deposit");
        app.type("deposit:amount", "250.75")
            .select("deposit:outcome", "APPROVE")
            .click("deposit:submit");
        assertTrue(app.url().getPath().endsWith("/inapp/done"), app.url().toString());
        assertEquals("deposit", app.queryParameter("what"));
        app.screenshots("inapp-done");
      }
      assertEquals(1, SandboxRows.balanceChanges(trader.login()), "3.5 acted once");
      assertEquals(
          25_075, SandboxRows.balance(trader.login()), "the sandbox cTrader holds the amount");
      browser.open("/client/accounts");
      assertTrue(
          browser.texts("tr.account td.balance").get(0).startsWith("250.75"),
          browser.texts("tr.account td.balance").toString());
    }
  }

  @Test
  @DisplayName("a declined payment moves no money and says so")
  void declinedDeposit() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit", "dark");
      browser
          .type("deposit:amount", "100")
          .select("deposit:outcome", "DECLINE")
          .click("deposit:submit");
      assertTrue(browser.text("messages").contains("declined"), browser.text("messages"));
      browser.screenshots("inapp-deposit-declined-dark");
      assertEquals(0, SandboxRows.balanceChanges(trader.login()), "no 3.5");
    }
  }

  @Test
  @DisplayName("a double submit of the deposit form credits once")
  void doubleSubmitCreditsOnce() throws Exception {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit");
      browser.type("deposit:amount", "40");
      // two posts of the same rendered form at once, as an impatient double click sends them
      for (int status : browser.postTwiceAtOnce("deposit")) {
        assertTrue(status < 500, "each post is answered");
      }
      assertEquals(1, SandboxRows.balanceChanges(trader.login()), "one 3.5 for the two posts");
      assertEquals(4_000, SandboxRows.balance(trader.login()));
    }
  }

  @Test
  @DisplayName(
      "6.3.5 a withdrawal within the balance is debited once; beyond it, NOT_ENOUGH_MONEY and nothing moves")
  void withdrawals() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit");
      browser.type("deposit:amount", "300").click("deposit:submit");
      open(browser, trader, "/inapp/withdraw");
      browser.screenshots("inapp-withdraw");
      browser
          .type("withdraw:amount", "500")
          .select("withdraw:outcome", "APPROVE")
          .click("withdraw:submit");
      assertTrue(browser.text("messages").contains("Not enough money"), browser.text("messages"));
      assertEquals(
          1, SandboxRows.balanceChanges(trader.login()), "the refused withdrawal booked nothing");
      browser.type("withdraw:amount", "120").click("withdraw:submit");
      assertTrue(browser.url().getPath().endsWith("/inapp/done"), browser.url().toString());
      assertEquals("withdrawal", browser.queryParameter("what"));
      assertEquals(2, SandboxRows.balanceChanges(trader.login()), "3.5 WITHDRAW once");
      assertEquals(18_000, SandboxRows.balance(trader.login()));
    }
  }

  @Test
  @DisplayName(
      "a withdrawal larger than any record can hold (1e11) is refused as too large on the screen, not failed with the SQL")
  void hugeWithdrawalIsRefused() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/withdraw");
      browser
          .type("withdraw:amount", "100000000000")
          .select("withdraw:outcome", "APPROVE")
          .click("withdraw:submit");
      String page = browser.driver().getPageSource();
      assertFalse(page.contains("SQL") || page.contains("Exception"), page);
      assertTrue(browser.text("messages").contains("above the maximum"), browser.text("messages"));
      assertTrue(browser.has("withdraw:submit"), "the form stays, for another amount");
      assertEquals(0, SandboxRows.balanceChanges(trader.login()), "nothing moved");
    }
  }

  @Test
  @DisplayName(
      "KYC: a deposit above the threshold is refused until the trader submits KYC on the KYC screen and it is approved")
  void kycGate() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit");
      browser.type("deposit:amount", "5000").click("deposit:submit");
      assertTrue(browser.text("messages").contains("verified identity"), browser.text("messages"));
      assertEquals(0, SandboxRows.balanceChanges(trader.login()));

      browser.open(
          "/inapp/kyc?token=" + trader.inAppToken(ctrader, crmApiToken) + "&kycType=poi&lang=en");
      assertEquals("Not started", browser.text("kyc-status"));
      browser.screenshots("inapp-kyc");
      browser.select("kyc:decision", "APPROVE").click("kyc:submit");
      assertEquals("kyc", browser.queryParameter("what"));
      browser.open("/inapp/kyc");
      assertEquals(
          "Verified", browser.text("kyc-status"), "the same InApp session shows the new status");
      assertTrue(!browser.has("kyc:submit"), "nothing more to submit");

      open(browser, trader, "/inapp/deposit");
      browser.type("deposit:amount", "5000").click("deposit:submit");
      assertEquals("deposit", browser.queryParameter("what"), "now the large deposit goes through");
      assertEquals(1, SandboxRows.balanceChanges(trader.login()));
    }
  }

  @Test
  @DisplayName(
      "sandbox: a person deposits from the client area, where the sandbox plays cTrader's app (4.4 + the screen)")
  void sandboxTryLinks() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      browser.open("/client/accounts");
      browser.driver().findElement(By.cssSelector("a.try-deposit")).click();
      assertTrue(browser.url().getPath().endsWith("/inapp/deposit"), browser.url().toString());
      assertEquals(String.valueOf(trader.login()), browser.text("account-login"));
      browser.type("deposit:amount", "75").click("deposit:submit");
      assertEquals("deposit", browser.queryParameter("what"));
      assertEquals(7_500, SandboxRows.balance(trader.login()));
    }
  }
}
