package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.brokersso.AuditRows;
import org.brokersso.ContractIT;
import org.brokersso.OperatorMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Call 4.3 {@code POST /oauth2/authorize}: automatic re-login with a long-term access token. */
class AuthorizeResourceIT extends ContractIT {

  private static final String HITS = "brokersso_access_token_cache_total{outcome=\"hit\"}";

  private String accessToken;
  private String inappTokenOfTheLogin;

  @BeforeEach
  void loggedInWithKeepMeLoggedIn() {
    JsonObject session = session();
    accessToken = session.getString("accessToken");
    inappTokenOfTheLogin = session.getString("inappToken");
  }

  @Test
  @DisplayName("6.1.3(1) / 6.3.1 step 6: the same access token verifies on every launch")
  void verifiesRepeatedly() {
    JsonObject first = ctrader.authorize(crmApiToken, accessToken).expect(200).json();
    long hits = OperatorMetrics.scrape(ctrader.base()).value(HITS);
    JsonObject second = ctrader.authorize(crmApiToken, accessToken).expect(200).json();
    // the second launch was answered from the server's memory (on every runtime: WildFly once
    // refused the task that keeps it fresh, and every launch asked the database)
    assertEquals(hits + 1, OperatorMetrics.scrape(ctrader.base()).value(HITS));
    assertEquals(userId, first.getJsonNumber("userId").longValueExact());
    assertEquals(userId, second.getJsonNumber("userId").longValueExact());
    // never a new access token; the inappToken bound to the access token, the login's own
    // (docs/contract-choices.md), and 4.4 takes it
    assertEquals(false, first.containsKey("accessToken"));
    assertEquals(inappTokenOfTheLogin, first.getString("inappToken"));
    assertEquals(inappTokenOfTheLogin, second.getString("inappToken"));
    ctrader.generate(crmApiToken, userId, second.getString("inappToken")).expect(200);
  }

  @Test
  @DisplayName(
      "a launch writes no audit row of its own: the successes of a period are one aggregated row,"
          + " refusals one row each")
  void successesAreAuditedAggregated() throws InterruptedException {
    for (int launch = 0; launch < 5; launch++) {
      ctrader.authorize(crmApiToken, accessToken).expect(200);
    }
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
    while (AuditRows.count(accessToken, "ACCESS_TOKEN_VERIFY", "SUCCESS") == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    // the black-box server writes the counts every second (BlackBoxServer); five launches in
    // well under a second make one or two rows, never five
    int rows = AuditRows.count(accessToken, "ACCESS_TOKEN_VERIFY", "SUCCESS");
    assertTrue(rows >= 1 && rows <= 2, "aggregated rows: " + rows);
    ctrader.logout(crmApiToken, userId, accessToken).expect(200);
    ctrader.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");
    ctrader.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");
    assertEquals(2, AuditRows.count(accessToken, "ACCESS_TOKEN_VERIFY", "REFUSED"));
  }

  @Test
  @DisplayName("6.1.3(2) unknown and malformed access tokens are refused without a userId")
  void invalidTokensAreRefused() {
    ctrader.authorize(crmApiToken, "at_" + "Q".repeat(43)).expectError(404, "TOKEN_NOT_FOUND");
    ctrader.authorize(crmApiToken, "lt_whatever").expectError(417, "CID_NON_EXISTED_TOKEN");
    ctrader
        .post("oauth2/authorize", "{}", Map.of("crmApiToken", crmApiToken))
        .expectError(400, "MISSING_REQUIRED_PARAMETER");
    ctrader
        .post("oauth2/authorize", "{\"accessToken\":[]}", Map.of("crmApiToken", crmApiToken))
        .expectError(400, "INVALID_REQUEST");
  }

  @Test
  @DisplayName("6.1.3(3) a wrong crmApiToken is 403 and reveals no user")
  void badCrmApiTokenIsForbidden() {
    ctrader
        .authorize("cat_" + "w".repeat(43), accessToken)
        .expectError(403, "CH_CLIENT_AUTH_FAILURE");
    ctrader
        .post("oauth2/authorize", "{\"accessToken\":\"" + accessToken + "\"}")
        .expectError(403, "CH_CLIENT_AUTH_FAILURE");
  }

  @Test
  @DisplayName("a token verified (so remembered by the server) is refused at once after 4.5")
  void aRevokedTokenNoLongerVerifies() {
    ctrader.authorize(crmApiToken, accessToken).expect(200);
    ctrader.authorize(crmApiToken, accessToken).expect(200);
    ctrader.logout(crmApiToken, userId, accessToken).expect(200);
    ctrader.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");
  }
}
