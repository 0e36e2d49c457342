package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.brokersso.AuditRows;
import org.brokersso.Browser;
import org.brokersso.ContractClient;
import org.brokersso.ContractIT;
import org.brokersso.Traders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Call 4.5 {@code POST /oauth2/logout}: the user left a cTrader app; end that session. */
class LogoutResourceIT extends ContractIT {

  private String accessToken;

  @BeforeEach
  void loggedIn() {
    accessToken = session().getString("accessToken");
  }

  @Test
  void revokesTheSessionAndIsRepeatable() {
    ContractClient.Reply reply = ctrader.logout(crmApiToken, userId, accessToken).expect(200);
    assertEquals("", reply.body());
    ctrader.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");
    ctrader.logout(crmApiToken, userId, accessToken).expect(200);
    ctrader.logout(crmApiToken, userId, "at_" + "n".repeat(43)).expect(200);
    assertEquals(2, AuditRows.count(accessToken, "ACCESS_TOKEN_REVOKE", "SUCCESS"));
  }

  @Test
  @Tag(Browser.TAG)
  @DisplayName("4.5 also ends the client-area session of the browser that logged in")
  void endsTheScreenSessionsOfThatLogin() {
    try (Browser browser = new Browser(ctrader.base())) {
      Traders.signUp(browser, "/auth/login?firstLogin=true&lang=en", Traders.newEmail(), true);
      Traders.createAccount(browser);
      JsonObject session =
          ctrader.exchange(crmApiToken, browser.queryParameter("token")).expect(200).json();
      browser.open("/client/accounts");
      assertTrue(browser.has("accounts"), "signed in to the client area");

      ctrader
          .logout(
              crmApiToken,
              session.getJsonNumber("userId").longValue(),
              session.getString("accessToken"))
          .expect(200);

      browser.open("/client/accounts");
      assertTrue(
          browser.has("login:submit") && !browser.has("accounts"),
          "the screen session has ended: " + browser.url());
    }
  }

  @Test
  void anotherUsersTokenIsNotRevoked() {
    ctrader.logout(crmApiToken, ContractClient.newUserId(), accessToken).expect(200);
    ctrader.authorize(crmApiToken, accessToken).expect(200);
  }

  @Test
  void missingOrInvalidParametersAreBadRequests() {
    ctrader
        .post("oauth2/logout", null, Map.of("crmApiToken", crmApiToken, "accessToken", accessToken))
        .expectError(400, "MISSING_REQUIRED_PARAMETER");
    ctrader
        .post(
            "oauth2/logout",
            null,
            Map.of("crmApiToken", crmApiToken, "userId", "x1", "accessToken", accessToken))
        .expectError(400, "INVALID_REQUEST");
    ctrader
        .post(
            "oauth2/logout",
            null,
            Map.of("crmApiToken", crmApiToken, "userId", Long.toString(userId)))
        .expectError(400, "MISSING_REQUIRED_PARAMETER");
    ctrader.authorize(crmApiToken, accessToken).expect(200);
  }

  @Test
  void aWrongCrmApiTokenIsForbiddenAndRevokesNothing() {
    ctrader
        .logout("cat_" + "m".repeat(43), userId, accessToken)
        .expectError(403, "CH_CLIENT_AUTH_FAILURE");
    ctrader.authorize(crmApiToken, accessToken).expect(200);
  }
}
