package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.util.Map;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Call 4.3 {@code POST /oauth2/authorize}: automatic re-login with a long-term access token. */
class AuthorizeResourceIT extends ContractIT {

  private String accessToken;

  @BeforeEach
  void loggedInWithKeepMeLoggedIn() {
    accessToken = session().getString("accessToken");
  }

  @Test
  @DisplayName("6.1.3(1) / 6.3.1 step 6: the same access token verifies on every launch")
  void verifiesRepeatedly() {
    JsonObject first = ctrader.authorize(crmApiToken, accessToken).expect(200).json();
    JsonObject second = ctrader.authorize(crmApiToken, accessToken).expect(200).json();
    assertEquals(userId, first.getJsonNumber("userId").longValueExact());
    assertEquals(userId, second.getJsonNumber("userId").longValueExact());
    // never a new access token; a fresh inappToken each time
    assertEquals(false, first.containsKey("accessToken"));
    assertNotEquals(first.getString("inappToken"), second.getString("inappToken"));
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
  void aRevokedTokenNoLongerVerifies() {
    ctrader.logout(crmApiToken, userId, accessToken).expect(200);
    ctrader.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");
  }
}
