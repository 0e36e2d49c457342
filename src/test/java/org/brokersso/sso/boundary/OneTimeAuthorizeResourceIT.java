package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.brokersso.AuditRows;
import org.brokersso.ContractClient;
import org.brokersso.ContractClient.Reply;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Call 4.2 {@code POST /oauth2/onetime/authorize}. Expiry is tested by moving the server's clock
 * past the OT lifetime ({@code sso.ot-token.ttl}, the product's 60 s), not by waiting for it.
 */
class OneTimeAuthorizeResourceIT extends ContractIT {

  @Test
  @DisplayName(
      "6.1.2(1) a valid OT token of a 'keep me logged in' login yields userId and accessToken")
  void keepLoggedInYieldsAccessToken() {
    JsonObject body = ctrader.exchange(crmApiToken, ctrader.login(userId, true)).expect(200).json();
    assertEquals(userId, body.getJsonNumber("userId").longValueExact());
    assertTrue(body.getString("accessToken").matches("at_[A-Za-z0-9_-]{43}"), body.toString());
    assertTrue(body.getString("inappToken").matches("ia_[A-Za-z0-9_-]{43}"), body.toString());
  }

  @Test
  void withoutKeepLoggedInThereIsNoAccessToken() {
    JsonObject body =
        ctrader.exchange(crmApiToken, ctrader.login(userId, false)).expect(200).json();
    assertEquals(userId, body.getJsonNumber("userId").longValueExact());
    assertFalse(body.containsKey("accessToken"), body.toString());
  }

  @Test
  @DisplayName("6.1.2(3) a wrong, missing or malformed crmApiToken is 403 before the body is read")
  void badCrmApiTokenIsForbidden() {
    String code = ctrader.login(userId, true);
    ctrader.exchange("cat_" + "x".repeat(43), code).expectError(403, "CH_CLIENT_AUTH_FAILURE");
    ctrader.exchange("not-a-token", code).expectError(403, "CH_CLIENT_AUTH_FAILURE");
    ctrader
        .post("oauth2/onetime/authorize", "{\"code\":\"" + code + "\"}")
        .expectError(403, "CH_CLIENT_AUTH_FAILURE");
    ctrader
        .post("oauth2/onetime/authorize", "{not json", Map.of("crmApiToken", "wrong"))
        .expectError(403, "CH_CLIENT_AUTH_FAILURE");
    // the refused calls did not spend the token
    ctrader.exchange(crmApiToken, code).expect(200);
  }

  @Test
  @DisplayName("6.1.2(2) malformed, unknown and missing OT tokens are refused without user data")
  void invalidCodesAreRefused() {
    ctrader.exchange(crmApiToken, "nonsense").expectError(417, "CID_NON_EXISTED_TOKEN");
    ctrader.exchange(crmApiToken, "ot_" + "Z".repeat(43)).expectError(404, "TOKEN_NOT_FOUND");
    ctrader
        .post("oauth2/onetime/authorize", "{}", Map.of("crmApiToken", crmApiToken))
        .expectError(400, "MISSING_REQUIRED_PARAMETER");
    ctrader
        .post("oauth2/onetime/authorize", "{\"code\":", Map.of("crmApiToken", crmApiToken))
        .expectError(400, "INVALID_REQUEST");
    ctrader
        .post("oauth2/onetime/authorize", null, Map.of("crmApiToken", crmApiToken))
        .expectError(400, "MISSING_REQUIRED_PARAMETER");
  }

  @Test
  @DisplayName("a replayed OT token is refused and revokes the access token minted from it")
  void replayIsRefusedAndRevokes() {
    String code = ctrader.login(userId, true);
    String accessToken =
        ctrader.exchange(crmApiToken, code).expect(200).json().getString("accessToken");
    ctrader.authorize(crmApiToken, accessToken).expect(200);

    ctrader.exchange(crmApiToken, code).expectError(410, "CID_TOKEN_EXPIRED");
    ctrader.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");

    assertEquals(1, AuditRows.count(code, "OT_TOKEN_EXCHANGE", "SUCCESS"));
    assertEquals(1, AuditRows.count(code, "OT_TOKEN_EXCHANGE", "REFUSED"));
    assertEquals(1, AuditRows.count(code, "ACCESS_TOKEN_REVOKE", "SUCCESS"));
  }

  @Test
  void aReplayAfterTheLifetimeStillRevokes() {
    String code = ctrader.login(userId, true);
    String accessToken =
        ctrader.exchange(crmApiToken, code).expect(200).json().getString("accessToken");
    otTokensExpire();
    ctrader.exchange(crmApiToken, code).expectError(410, "CID_TOKEN_EXPIRED");
    ctrader.authorize(crmApiToken, accessToken).expectError(410, "CID_TOKEN_EXPIRED");
  }

  @Test
  @DisplayName("6.1.7 an OT token older than its lifetime is 410 CID_TOKEN_EXPIRED")
  void expiredTokenIsGone() {
    String code = ctrader.login(userId, true);
    otTokensExpire();
    ctrader.exchange(crmApiToken, code).expectError(410, "CID_TOKEN_EXPIRED");
  }

  @Test
  @DisplayName("6.1.5/6.1.6 every login yields a new OT token, different for different users")
  void tokensDifferPerLoginAndPerUser() {
    String first = ctrader.login(userId, false);
    String second = ctrader.login(userId, false);
    String otherUser = ctrader.login(ContractClient.newUserId(), false);
    assertNotEquals(first, second);
    assertNotEquals(first, otherUser);
    assertNotEquals(second, otherUser);
    assertEquals(
        userId,
        ctrader
            .exchange(crmApiToken, first)
            .expect(200)
            .json()
            .getJsonNumber("userId")
            .longValue());
    assertEquals(
        userId,
        ctrader
            .exchange(crmApiToken, second)
            .expect(200)
            .json()
            .getJsonNumber("userId")
            .longValue());
  }

  @Test
  @DisplayName("50 concurrent redemptions of one OT token yield exactly one 200")
  void concurrentRedemptionsHaveOneWinner() throws Exception {
    String code = ctrader.login(userId, true);
    int callers = 50;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return ctrader.exchange(crmApiToken, code);
                }));
      }
      start.countDown();
      int ok = 0;
      for (Future<Reply> reply : replies) {
        Reply r = reply.get(120, TimeUnit.SECONDS);
        if (r.status() == 200) {
          ok++;
        } else {
          r.expectError(410, "CID_TOKEN_EXPIRED");
        }
      }
      assertEquals(1, ok);
      assertEquals(1, AuditRows.count(code, "OT_TOKEN_EXCHANGE", "SUCCESS"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theTrailNamesTokensOnlyByHash() {
    String code = ctrader.login(userId, true);
    String accessToken =
        ctrader.exchange(crmApiToken, code).expect(200).json().getString("accessToken");
    assertEquals(1, AuditRows.count(code, "OT_TOKEN_ISSUE", "SUCCESS"));
    assertFalse(AuditRows.anyRowContains(code));
    assertFalse(AuditRows.anyRowContains(accessToken));
  }

  @Test
  @DisplayName(
      "an InApp OT token (4.4) presented to 4.2 is 417 CID_NON_EXISTED_TOKEN, no login and no inappToken; it is used up, so it opens no InApp screen either")
  void inAppTokenIsNoLogin() {
    String inappToken = session().getString("inappToken");
    String inAppOt =
        ctrader.generate(crmApiToken, userId, inappToken).expect(200).json().getString("token");

    ctrader.exchange(crmApiToken, inAppOt).expectError(417, "CID_NON_EXISTED_TOKEN");
    assertEquals(1, AuditRows.count(inAppOt, "OT_TOKEN_EXCHANGE", "REFUSED"));
    assertEquals(0, AuditRows.count(inAppOt, "OT_TOKEN_EXCHANGE", "SUCCESS"));
    ctrader.exchange(crmApiToken, inAppOt).expectError(417, "CID_NON_EXISTED_TOKEN");

    Reply screen = ctrader.get("inapp/action?lang=en&token=" + inAppOt);
    assertTrue(
        screen.body().contains("This link has already been used."),
        "the token presented to the wrong call was used up: " + screen.status());
    assertEquals(0, AuditRows.count(inAppOt, "INAPP_SCREEN_OPEN", "SUCCESS"));
  }
}
