package org.brokersso;

import java.util.UUID;

/**
 * Traders for the browser tests (every package's): fresh e-mail addresses, and the signup, account
 * and login steps.
 */
public final class Traders {

  public static final String PASSWORD = "correct horse battery";

  private Traders() {}

  public static String newEmail() {
    return "trader-" + UUID.randomUUID() + "@example.com";
  }

  /**
   * Fills and sends the signup form at {@code url} (which shows it) and, when the form was
   * accepted, enters the code mailed to the address ({@link TestMailbox}).
   */
  public static void signUp(Browser browser, String url, String email, boolean keepLoggedIn) {
    submitSignup(browser, url, email, keepLoggedIn);
    if (browser.url().getPath().equals("/auth/confirm")) {
      enterCode(browser, email);
    }
  }

  /** Fills and sends the signup form at {@code url}; an accepted one shows the code step. */
  public static void submitSignup(Browser browser, String url, String email, boolean keepLoggedIn) {
    TestMailbox.start();
    browser.open(url);
    browser
        .type("signup:firstName", "Ada")
        .type("signup:email", email)
        .type("signup:password", PASSWORD)
        .tick("signup:terms");
    if (keepLoggedIn) {
      browser.tick("signup:keep");
    }
    browser.click("signup:submit");
  }

  /** Enters the code mailed to {@code email} on the code step ({@code /auth/confirm}). */
  public static void enterCode(Browser browser, String email) {
    browser.type("confirm:code", TestMailbox.signupCode(email)).click("confirm:submit");
  }

  public static void createAccount(Browser browser) {
    browser.select("account:currency", "EUR").tick("account:terms").click("account:submit");
  }

  public static void logIn(
      Browser browser, String url, String email, String password, boolean keepLoggedIn) {
    browser.open(url);
    browser.type("login:email", email).type("login:password", password);
    if (keepLoggedIn) {
      browser.tick("login:keep");
    }
    browser.click("login:submit");
  }

  /**
   * A trader who signed up and opened an account through the screens (in a browser of their own),
   * as the tests of existing traders need; answers their cTrader userId.
   */
  public static long registered(ContractClient ctrader, String email) {
    try (Browser browser = new Browser(ctrader.base())) {
      signUp(browser, "/auth/login?firstLogin=true", email, false);
      createAccount(browser);
      String token = browser.queryParameter("token");
      String crmApiToken = ctrader.crmApiToken();
      return ctrader
          .exchange(crmApiToken, token)
          .expect(200)
          .json()
          .getJsonNumber("userId")
          .longValue();
    }
  }
}
