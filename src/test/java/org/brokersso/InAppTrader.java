package org.brokersso;

import jakarta.json.JsonObject;

/**
 * A trader as the InApp tests need one: signed up and with an account through the screens, then
 * logged in to cTrader (4.2), so cTrader holds their {@code userId} and {@code inappToken} and can
 * ask for InApp tokens (4.4) like the app does before opening a screen.
 */
public record InAppTrader(long userId, String inappToken, long login) {

  public static InAppTrader signUp(Browser browser, ContractClient ctrader, String crmApiToken) {
    Traders.signUp(browser, "/auth/login?firstLogin=true", Traders.newEmail(), false);
    Traders.createAccount(browser);
    JsonObject session =
        ctrader.exchange(crmApiToken, browser.queryParameter("token")).expect(200).json();
    browser.open("/client/accounts");
    long login = Long.parseLong(browser.texts("tr.account td.login").get(0));
    return new InAppTrader(
        session.getJsonNumber("userId").longValue(), session.getString("inappToken"), login);
  }

  /** Call 4.4, as cTrader makes it when the trader taps an InApp control. */
  public String inAppToken(ContractClient ctrader, String crmApiToken) {
    return ctrader.generate(crmApiToken, userId, inappToken).expect(200).json().getString("token");
  }
}
