package org.brokersso.funding.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.brokersso.Browser;
import org.brokersso.ContractIT;
import org.brokersso.InAppTrader;
import org.brokersso.SandboxRows;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    open(app, trader, screen, theme, "en");
  }

  private void open(Browser app, InAppTrader trader, String screen, String theme, String lang) {
    app.open(
        screen
            + "?token="
            + trader.inAppToken(ctrader, crmApiToken)
            + "&account="
            + trader.login()
            + "&lang="
            + lang
            + "&theme="
            + theme);
  }

  /** Fills in the money form (the sandbox provider approving) and submits it for review. */
  private static void submit(Browser app, String form, String amount) {
    app.type(form + ":amount", amount).select(form + ":outcome", "APPROVE").click(form + ":submit");
  }

  /** The review step's confirmation: the one post that moves money. */
  private static void confirm(Browser app) {
    assertTrue(app.has("review:confirm"), "the review is shown: " + app.pageText());
    app.click("review:confirm");
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
        submit(app, "deposit", "250.75");
        confirm(app);
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
      confirm(browser);
      assertTrue(browser.text("messages").contains("declined"), browser.text("messages"));
      browser.screenshots("inapp-deposit-declined-dark");
      assertEquals(0, SandboxRows.balanceChanges(trader.login()), "no 3.5");
    }
  }

  @Test
  @DisplayName(
      "a double click on the review's confirmation, and the same confirmation posted again, credit once")
  void doubleConfirmCreditsOnce() throws Exception {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit");
      browser.type("deposit:amount", "40").click("deposit:submit");
      // two posts of the same rendered confirmation at once, as an impatient double click sends
      // them
      for (int status : browser.postTwiceAtOnce("review", "confirm")) {
        assertTrue(status < 500, "each post is answered");
      }
      assertEquals(1, SandboxRows.balanceChanges(trader.login()), "one 3.5 for the two posts");
      HttpResponse<String> replay = browser.forgedPost("review", "confirm", Map.of());
      assertEquals(302, replay.statusCode(), "the replay is answered with the first movement");
      assertTrue(
          replay.headers().firstValue("Location").orElse("").contains("ref=dep-"),
          replay.headers().map().toString());
      confirm(browser);
      assertEquals("deposit", browser.queryParameter("what"), "and so is the browser's own click");
      assertEquals(1, SandboxRows.balanceChanges(trader.login()), "still one 3.5");
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
      confirm(browser);
      open(browser, trader, "/inapp/withdraw");
      browser.screenshots("inapp-withdraw");
      submit(browser, "withdraw", "500");
      confirm(browser);
      assertTrue(browser.text("messages").contains("Not enough money"), browser.text("messages"));
      assertEquals(
          1, SandboxRows.balanceChanges(trader.login()), "the refused withdrawal booked nothing");
      browser.type("withdraw:amount", "120").click("withdraw:submit");
      assertTrue(
          browser.text("review-next").contains("taken from trading account " + trader.login()),
          browser.text("review-next"));
      confirm(browser);
      assertTrue(browser.url().getPath().endsWith("/inapp/done"), browser.url().toString());
      assertEquals("withdrawal", browser.queryParameter("what"));
      assertEquals("120.00 EUR", browser.text("receipt-amount"));
      assertTrue(browser.text("receipt-reference").matches("wdr-[0-9]+"));
      assertEquals("Paid out", browser.text("receipt-state"));
      assertEquals(2, SandboxRows.balanceChanges(trader.login()), "3.5 WITHDRAW once");
      assertEquals(18_000, SandboxRows.balance(trader.login()));
    }
  }

  @ParameterizedTest(name = "{0}: \"{1}\" is refused, \"{3}\" is credited as {5} cents")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | 12,50 | 1,250.50 | 1,000 | 1,000.00 EUR | 100000",
        "es | 12.50 | 1.250,50 | 1.000 | 1.000,00 EUR | 100000",
        "ar | 12,50 | ١٬٢٥٠٫٥٠ | ١٢٫٥٠ | ١٢٫٥٠ EUR | 1250",
      })
  @DisplayName(
      "issue 14: the deposit screen reads the amount as its language writes it, and says how when it cannot")
  void amountsInTheScreensLanguage(
      String lang, String ambiguous, String example, String typed, String reviewed, long cents) {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit", "light", lang);
      browser.type("deposit:amount", ambiguous).click("deposit:submit");
      assertTrue(browser.text("messages").contains(example), browser.text("messages"));
      assertFalse(browser.has("review:confirm"), "no review of an amount that was not read");
      browser.screenshots("inapp-deposit-ambiguous-" + lang);
      browser.type("deposit:amount", typed).click("deposit:submit");
      assertEquals(reviewed, browser.text("review-amount"));
      browser.screenshots("inapp-deposit-review-" + lang);
      confirm(browser);
      assertEquals("deposit", browser.queryParameter("what"));
      assertEquals(reviewed, browser.text("receipt-amount"));
      assertEquals(1, SandboxRows.balanceChanges(trader.login()));
      assertEquals(cents, SandboxRows.balance(trader.login()), "the sandbox cTrader holds it");
    }
  }

  @Test
  @DisplayName(
      "issue 14: a deposit is reviewed before it moves (amount, account, fees, what happens next); back keeps what was typed; the done page is the receipt")
  void reviewThenReceipt() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit");
      submit(browser, "deposit", "250.75");
      assertEquals("250.75 EUR", browser.text("review-amount"));
      assertEquals(String.valueOf(trader.login()), browser.text("review-account"));
      assertEquals("None", browser.text("review-fees"));
      assertTrue(
          browser.text("review-next").contains("credited to trading account " + trader.login()),
          browser.text("review-next"));
      assertEquals(0, SandboxRows.balanceChanges(trader.login()), "nothing moved at the review");

      browser.click("review:back");
      assertEquals("250.75", browser.attribute("input[id='deposit:amount']", "value"));
      browser.type("deposit:amount", "260").select("deposit:outcome", "APPROVE");
      browser.click("deposit:submit");
      assertEquals("260.00 EUR", browser.text("review-amount"));
      confirm(browser);

      assertTrue(browser.url().getPath().endsWith("/inapp/done"), browser.url().toString());
      assertEquals("260.00 EUR", browser.text("receipt-amount"));
      assertEquals(String.valueOf(trader.login()), browser.text("receipt-account"));
      String reference = browser.text("receipt-reference");
      assertTrue(reference.matches("dep-[0-9]+"), reference);
      assertEquals(reference, browser.queryParameter("ref"));
      assertEquals("Credited to your trading account", browser.text("receipt-state"));
      browser.screenshots("inapp-done-receipt");
      assertEquals(1, SandboxRows.balanceChanges(trader.login()));
      assertEquals(26_000, SandboxRows.balance(trader.login()));

      try (Browser stranger = new Browser(ctrader.base())) {
        stranger.open(browser.url().getPath() + "?what=deposit&ref=" + reference);
        assertFalse(stranger.has("receipt"), "the receipt is only for the browser that moved it");
      }
    }
  }

  @Test
  @DisplayName(
      "issue 14: withdrawals have their own limits, shown on the screen; 5 below the minimum is refused, also in a forged confirmation")
  void withdrawalBelowItsMinimum() throws Exception {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/deposit");
      browser.type("deposit:amount", "300").click("deposit:submit");
      confirm(browser);
      open(browser, trader, "/inapp/withdraw");
      assertTrue(
          browser.pageText().contains("From 20 to 25,000 EUR"),
          "funding.withdrawal.min/max, not the deposit's: " + browser.pageText());
      browser.type("withdraw:amount", "5").click("withdraw:submit");
      assertTrue(browser.text("messages").contains("below the minimum"), browser.text("messages"));
      assertFalse(browser.has("review:confirm"));

      browser.type("withdraw:amount", "120").click("withdraw:submit");
      HttpResponse<String> forged =
          browser.forgedPost("review", "confirm", Map.of("review:amount", "5"));
      assertEquals(200, forged.statusCode(), "the form again, with the refusal");
      assertTrue(forged.body().contains("below the minimum"), forged.body());
      assertEquals(1, SandboxRows.balanceChanges(trader.login()), "the deposit only");
      assertEquals(30_000, SandboxRows.balance(trader.login()));
    }
  }

  @Test
  @DisplayName(
      "a withdrawal larger than any record can hold (1e11) is refused as too large on the screen, not failed with the SQL")
  void hugeWithdrawalIsRefused() {
    try (Browser browser = new Browser(ctrader.base())) {
      InAppTrader trader = trader(browser);
      open(browser, trader, "/inapp/withdraw");
      submit(browser, "withdraw", "100000000000");
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
      confirm(browser);
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
      confirm(browser);
      assertEquals("deposit", browser.queryParameter("what"));
      assertEquals(7_500, SandboxRows.balance(trader.login()));
    }
  }
}
