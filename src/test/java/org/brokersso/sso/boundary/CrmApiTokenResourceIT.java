package org.brokersso.sso.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

  @Test
  @DisplayName(
      "4.1 backs off per client address: after 5 free wrong passwords each failure doubles the wait, during which even the right password is refused (403 with Retry-After); obeying it, the right password works and forgives the address")
  void wrongPasswordsMakeTheAddressWait() {
    String right = "{\"password\":\"" + ContractClient.SANDBOX_PASSWORD + "\"}";
    String wrong = "{\"password\":\"guess-" + ContractClient.newUserId() + "\"}";
    int checked = 0;
    for (int attempt = 1; checked < 8 && attempt <= 30; attempt++) {
      HttpResponse<String> answer = crmApiToken(wrong);
      assertCredentialsRefused(answer);
      Optional<Duration> wait = retryAfter(answer);
      if (wait.isPresent()) {
        ctrader.advanceServerClock(wait.get()); // a patient guesser obeys the wait
      } else {
        checked++;
      }
    }
    assertEquals(8, checked, "eight wrong passwords were checked");

    HttpResponse<String> during = crmApiToken(right);
    assertCredentialsRefused(during);
    Duration wait =
        retryAfter(during)
            .orElseThrow(() -> new AssertionError("the right password must wait: " + during));
    assertTrue(
        wait.compareTo(Duration.ofSeconds(2)) >= 0,
        "the wait has doubled past the free failures: " + wait);

    ctrader.advanceServerClock(wait);
    HttpResponse<String> after = crmApiToken(right);
    assertEquals(200, after.statusCode(), "after the wait the right password works: " + after);

    // the success forgave the address: the next wrong password is checked, not made to wait
    HttpResponse<String> next = crmApiToken(wrong);
    assertCredentialsRefused(next);
    assertFalse(retryAfter(next).isPresent(), "no wait after a success: " + next.headers());
    assertEquals(200, crmApiToken(right).statusCode());
  }

  private HttpResponse<String> crmApiToken(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(ctrader.base().resolve("oauth2/crmApiToken"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertCredentialsRefused(HttpResponse<String> answer) {
    assertEquals(403, answer.statusCode(), answer.body());
    JsonObject error = Json.createReader(new StringReader(answer.body())).readObject();
    assertEquals("CH_CLIENT_AUTH_FAILURE", error.getString("code"), answer.body());
    assertFalse(error.containsKey("crmApiToken"), answer.body());
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> answer) {
    return answer
        .headers()
        .firstValue("Retry-After")
        .map(s -> Duration.ofSeconds(Long.parseLong(s)));
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
}
