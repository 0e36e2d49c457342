package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.brokersso.ContractClient;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Call 4.4 {@code POST /oauth2/onetime/generate}: an OT token for an InApp screen. */
class OneTimeGenerateResourceIT extends ContractIT {

  private String inappToken;

  @BeforeEach
  void loggedIn() {
    inappToken = session().getString("inappToken");
  }

  @Test
  @DisplayName("6.1.4(1) a valid request yields a new OT token each call, exchangeable once by 4.2")
  void generatesNewTokensEachCall() {
    String first =
        ctrader.generate(crmApiToken, userId, inappToken).expect(200).json().getString("token");
    String second =
        ctrader.generate(crmApiToken, userId, inappToken).expect(200).json().getString("token");
    assertTrue(first.matches("ot_[A-Za-z0-9_-]{43}"), first);
    assertNotEquals(first, second);
    // an InApp token opens its screen (InAppGateIT), never a login at 4.2 (choice 37)
    ctrader.exchange(crmApiToken, second).expectError(417, "CID_NON_EXISTED_TOKEN");
  }

  @Test
  @DisplayName("6.1.4(2) an unknown userId is 404 with no token")
  void unknownUserIsNotFound() {
    ctrader
        .generate(crmApiToken, ContractClient.newUserId(), null)
        .expectError(404, "USER_NOT_FOUND");
  }

  @Test
  @DisplayName("6.1.4(3) a wrong crmApiToken is 403 with no token")
  void badCrmApiTokenIsForbidden() {
    ctrader
        .generate("cat_" + "v".repeat(43), userId, inappToken)
        .expectError(403, "CH_CLIENT_AUTH_FAILURE");
  }

  @Test
  void onceIssuedTheInappTokenMustMatch() {
    ctrader.generate(crmApiToken, userId, null).expectError(403, "INAPP_TOKEN_MISMATCH");
    ctrader
        .generate(crmApiToken, userId, "ia_" + "u".repeat(43))
        .expectError(403, "INAPP_TOKEN_MISMATCH");
    ctrader.generate(crmApiToken, userId, "garbage").expectError(403, "INAPP_TOKEN_MISMATCH");

    long otherUser = ContractClient.newUserId();
    String othersInapp =
        ctrader
            .exchange(crmApiToken, ctrader.login(otherUser, false))
            .expect(200)
            .json()
            .getString("inappToken");
    ctrader.generate(crmApiToken, userId, othersInapp).expectError(403, "INAPP_TOKEN_MISMATCH");
    ctrader.generate(crmApiToken, otherUser, othersInapp).expect(200);
  }

  @Test
  void userIdMayArriveAsAStringAndMustBePresent() {
    Map<String, String> query = Map.of("crmApiToken", crmApiToken, "inappToken", inappToken);
    ctrader.post("oauth2/onetime/generate", "{\"userId\":\"" + userId + "\"}", query).expect(200);
    ctrader
        .post("oauth2/onetime/generate", "{}", query)
        .expectError(400, "MISSING_REQUIRED_PARAMETER");
    ctrader
        .post("oauth2/onetime/generate", "{\"userId\":\"abc\"}", query)
        .expectError(400, "INVALID_REQUEST");
    ctrader
        .post("oauth2/onetime/generate", "{\"userId\":1.5}", query)
        .expectError(400, "INVALID_REQUEST");
  }

  @Test
  void aLoggedOutSessionsInappTokenNoLongerOpensScreens() {
    String code = ctrader.login(userId, true);
    JsonObject session = ctrader.exchange(crmApiToken, code).expect(200).json();
    String sessionInapp = session.getString("inappToken");
    ctrader.generate(crmApiToken, userId, sessionInapp).expect(200);
    ctrader.logout(crmApiToken, userId, session.getString("accessToken")).expect(200);
    ctrader.generate(crmApiToken, userId, sessionInapp).expectError(403, "INAPP_TOKEN_MISMATCH");
    // the other session of the same user is untouched
    ctrader.generate(crmApiToken, userId, inappToken).expect(200);
  }
}
