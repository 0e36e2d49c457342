package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brokersso.ContractClient;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Call 4.1 {@code POST /oauth2/crmApiToken}, over HTTP against the deployed WAR. */
class CrmApiTokenResourceIT extends ContractIT {

  @Test
  @DisplayName("6.1.1(1) the right password yields a crmApiToken that opens calls 4.2-4.5")
  void rightPasswordYieldsToken() {
    String token = ctrader.crmApiToken();
    assertTrue(token.matches("cat_[A-Za-z0-9_-]{43}"), token);
    // the token is accepted: an unknown OT token is then a 404, not a 403
    ctrader.exchange(token, "ot_" + "A".repeat(43)).expectError(404, "TOKEN_NOT_FOUND");
  }

  @Test
  @DisplayName("6.1.1(2) a wrong password is 403 CH_CLIENT_AUTH_FAILURE with no token")
  void wrongPasswordIsForbidden() {
    ctrader
        .post("oauth2/crmApiToken", "{\"password\":\"not-the-password\"}")
        .expectError(403, "CH_CLIENT_AUTH_FAILURE");
  }

  @Test
  void everyIssueIsANewTokenAndEarlierOnesStayValid() {
    String first = ctrader.crmApiToken();
    String second = ctrader.crmApiToken();
    assertNotEquals(first, second);
    ctrader.exchange(first, "ot_" + "B".repeat(43)).expect(404);
    ctrader.exchange(second, "ot_" + "B".repeat(43)).expect(404);
  }

  @Test
  void malformedBodiesAreBadRequests() {
    ctrader.post("oauth2/crmApiToken", null).expectError(400, "MISSING_REQUIRED_PARAMETER");
    ctrader.post("oauth2/crmApiToken", "{").expectError(400, "INVALID_REQUEST");
    ctrader.post("oauth2/crmApiToken", "[1,2]").expectError(400, "INVALID_REQUEST");
    ctrader.post("oauth2/crmApiToken", "{}").expectError(400, "MISSING_REQUIRED_PARAMETER");
    ctrader.post("oauth2/crmApiToken", "{\"password\":42}").expectError(400, "INVALID_REQUEST");
  }

  @Test
  void oldEditionPrefixAndParameterNameAreAccepted() {
    String token = ctrader.crmApiToken();
    ctrader
        .post(
            "cid/oauth2/crmApiToken", "{\"password\":\"" + ContractClient.SANDBOX_PASSWORD + "\"}")
        .expect(200);
    ContractClient.Reply reply =
        ctrader.post(
            "cid/oauth2/onetime/authorize",
            "{\"code\":\"ot_" + "C".repeat(43) + "\"}",
            Map.of("token", token));
    assertEquals(404, reply.status(), reply.body());
  }

  @Test
  void unknownPathsAnswerJsonErrors() {
    ctrader.post("oauth2/nothing-here", "{}").expectError(404, null);
    assertEquals(405, ctrader.get("oauth2/crmApiToken").status());
  }
}
