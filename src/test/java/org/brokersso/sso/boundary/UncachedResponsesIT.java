package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.brokersso.ContractClient;
import org.brokersso.ContractClient.Reply;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link UncachedResponses}: the answers of 4.1–4.4 carry tokens, so no cache may keep them,
 * whether they succeed or refuse; and an API error stays the contract's JSON, never the screens'
 * HTML error page.
 */
class UncachedResponsesIT extends ContractIT {

  /** A refusal in the contract's shape: a 4xx with its JSON error body. */
  private static void refused(Reply reply) {
    assertTrue(reply.status() >= 400 && reply.status() < 500, reply.status() + ": " + reply.body());
    reply.expectError(reply.status(), null);
  }

  private static Reply uncached(Reply reply, String call) {
    assertEquals("no-store", reply.header("Cache-Control"), call + ": Cache-Control");
    assertEquals("no-cache", reply.header("Pragma"), call + ": Pragma");
    return reply;
  }

  @Test
  @DisplayName(
      "4.1-4.4 answer with Cache-Control: no-store and Pragma: no-cache, success and error")
  void tokenAnswersAreNotCached() {
    uncached(
        ctrader.post(
            "oauth2/crmApiToken", "{\"password\":\"" + ContractClient.SANDBOX_PASSWORD + "\"}"),
        "4.1");
    refused(
        uncached(ctrader.post("oauth2/crmApiToken", "{\"password\":\"wrong\"}"), "4.1 refused"));

    String code = ctrader.login(userId, true);
    JsonObject session = uncached(ctrader.exchange(crmApiToken, code), "4.2").expect(200).json();

    uncached(ctrader.authorize(crmApiToken, session.getString("accessToken")), "4.3").expect(200);
    refused(uncached(ctrader.authorize(crmApiToken, "at_forged"), "4.3 refused"));

    uncached(ctrader.generate(crmApiToken, userId, session.getString("inappToken")), "4.4")
        .expect(200);
    refused(
        uncached(
            ctrader.post(
                "oauth2/onetime/generate",
                "{\"userId\":" + userId + "}",
                Map.of("crmApiToken", "forged")),
            "4.4 refused"));
    // last: a replayed OT token also revokes what it minted (contract-choices row 3)
    refused(uncached(ctrader.exchange(crmApiToken, code), "4.2 replayed"));
  }

  @Test
  @DisplayName(
      "an API error stays the contract's JSON (unknown path, wrong method): the screens' error page never answers an API call")
  void apiErrorsStayJson() {
    for (Reply reply :
        new Reply[] {
          ctrader.post("oauth2/no-such-call", "{}"),
          ctrader.get("oauth2/crmApiToken"),
          ctrader.post("oauth2/onetime/authorize", "{}", Map.of("crmApiToken", "forged"))
        }) {
      assertTrue(
          reply.header("Content-Type").startsWith("application/json"),
          reply.status() + " " + reply.header("Content-Type") + ": " + reply.body());
      refused(reply);
      uncached(reply, "error " + reply.status());
    }
  }
}
