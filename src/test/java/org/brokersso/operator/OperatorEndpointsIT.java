package org.brokersso.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.brokersso.AuditRows;
import org.brokersso.BlackBoxServer;
import org.brokersso.ContractClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator endpoints over HTTP, as a back-office script would call them: HTTP Basic with {@code
 * operator.password} (given to the test server by BlackBoxServer), plain JSON answers and errors.
 * KYC cases come from {@code /sandbox/kyc}, which stands in for the KYC screen.
 */
@ExtendWith(BlackBoxServer.class)
class OperatorEndpointsIT {

  /** The same value BlackBoxServer gives the server. */
  private static final String PASSWORD = BlackBoxServer.OPERATOR_PASSWORD;

  private final ContractClient ctrader = new ContractClient(BlackBoxServer.base());
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  record Reply(int status, String body, HttpResponse<String> response) {

    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    JsonArray array() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readArray();
      }
    }

    Reply expect(int expected) {
      assertEquals(expected, status, body);
      return this;
    }

    /** A plain JSON error: the reason phrase and a message. */
    Reply expectError(int expected) {
      expect(expected);
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
          body);
      assertTrue(json().containsKey("error") && json().containsKey("message"), body);
      return this;
    }
  }

  @Test
  @DisplayName("without credentials: 401 with a Basic challenge")
  void noCredentials() {
    Reply reply = call("GET", "operator/kyc", null, null).expectError(401);
    assertTrue(
        reply.response().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
  }

  @Test
  @DisplayName("a wrong password: 403, recorded in the audit trail")
  void wrongPassword() {
    long caseId = ContractClient.newUserId();
    call(
            "POST",
            "operator/kyc/" + caseId,
            "{\"decision\":\"approve\"}",
            "operator:not-the-password")
        .expectError(403);
    assertEquals(
        1,
        AuditRows.countWithDetail(
            "OPERATOR_ACCESS", "REFUSED", "WRONG POST /operator/kyc/" + caseId));
  }

  @Test
  @DisplayName(
      "the KYC desk: a pending case is listed, approved, approved again harmlessly, and cannot be rejected")
  void kycDesk() {
    long ctidUserId = ContractClient.newUserId();
    ctrader.login(ctidUserId, false); // registers the trader, as a completed login would
    JsonObject submitted = sandboxKyc(ctidUserId, "PENDING").expect(200).json();
    long caseId = submitted.getJsonNumber("caseId").longValue();
    assertEquals("PENDING", submitted.getString("status"));
    assertEquals(ctidUserId, submitted.getJsonNumber("ctidUserId").longValue());

    JsonArray pending = operator("GET", "operator/kyc", null).expect(200).array();
    assertTrue(
        pending.stream()
            .anyMatch(c -> c.asJsonObject().getJsonNumber("caseId").longValue() == caseId));

    JsonObject approved =
        operator(
                "POST",
                "operator/kyc/" + caseId,
                "{\"decision\":\"approve\",\"reason\":\"documents fine\"}")
            .expect(200)
            .json();
    assertEquals("APPROVED", approved.getString("status"));
    assertEquals("documents fine", approved.getString("reason"));
    assertTrue(approved.containsKey("decidedAt"));
    operator("POST", "operator/kyc/" + caseId, "{\"decision\":\"APPROVE\"}").expect(200);
    operator("POST", "operator/kyc/" + caseId, "{\"decision\":\"reject\"}").expectError(409);
    assertEquals(
        1,
        AuditRows.countWithDetail(
            "KYC_DECISION", "SUCCESS", "case " + caseId + " APPROVED: documents fine"));
    assertFalse(
        operator("GET", "operator/kyc", null).array().stream()
            .anyMatch(c -> c.asJsonObject().getJsonNumber("caseId").longValue() == caseId));
  }

  @Test
  @DisplayName("the sandbox's KYC stand-in decides on request")
  void sandboxDecidesOnRequest() {
    long ctidUserId = ContractClient.newUserId();
    ctrader.login(ctidUserId, false);
    assertEquals(
        "REJECTED", sandboxKyc(ctidUserId, "REJECT").expect(200).json().getString("status"));
    assertEquals(
        "APPROVED", sandboxKyc(ctidUserId, "APPROVE").expect(200).json().getString("status"));
    sandboxKyc(ContractClient.newUserId(), "APPROVE").expectError(404);
    sandboxKyc(ctidUserId, "MAYBE").expectError(400);
  }

  @Test
  @DisplayName("bad decisions: 400 for a bad body, 404 for an unknown or malformed case id")
  void badDecisions() {
    long ctidUserId = ContractClient.newUserId();
    ctrader.login(ctidUserId, false);
    long caseId =
        sandboxKyc(ctidUserId, "PENDING").expect(200).json().getJsonNumber("caseId").longValue();
    operator("POST", "operator/kyc/" + caseId, "{\"decision\":\"maybe\"}").expectError(400);
    operator("POST", "operator/kyc/" + caseId, "{}").expectError(400);
    operator("POST", "operator/kyc/" + caseId, "{\"decision\":").expectError(400);
    operator("POST", "operator/kyc/" + Long.MAX_VALUE, "{\"decision\":\"approve\"}")
        .expectError(404);
    operator("POST", "operator/kyc/abc", "{\"decision\":\"approve\"}").expectError(404);
  }

  @Test
  @DisplayName("one trader's ribbons: 404 for an unknown trader, 502 when cTrader refuses")
  void ribbonsOfOneTrader() {
    operator("POST", "operator/ribbons/" + ContractClient.newUserId(), null).expectError(404);
    long ctidUserId = ContractClient.newUserId();
    ctrader.login(ctidUserId, false); // known to the CRM, not to the sandbox cTrader
    Reply refused = operator("POST", "operator/ribbons/" + ctidUserId, null).expectError(502);
    assertEquals("Bad Gateway", refused.json().getString("error"));
  }

  @Test
  @DisplayName("everybody's ribbons: 202, then the run's progress and the configured set")
  void ribbonsOfEverybody() throws InterruptedException {
    // at least one trader, whichever test ran first (the black-box server's database is its own)
    ctrader.login(ContractClient.newUserId(), false);
    Reply started = operator("POST", "operator/ribbons", null);
    assertTrue(started.status() == 202 || started.status() == 409, started.body());
    JsonObject overview = operator("GET", "operator/ribbons", null).expect(200).json();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (overview.getJsonObject("rollout").getBoolean("running")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      overview = operator("GET", "operator/ribbons", null).expect(200).json();
    }

    assertFalse(overview.getJsonObject("rollout").getBoolean("running"));
    assertTrue(overview.getBoolean("enabled"));
    JsonObject deposit = overview.getJsonArray("ribbons").getJsonObject(0);
    assertEquals("Deposit funds", deposit.getString("title"));
    assertEquals(
        "http://localhost:8080/inapp/deposit",
        deposit.getJsonObject("action").getString("urlinApp"));
    assertTrue(overview.getJsonObject("rollout").getJsonNumber("traders").longValue() > 0);
  }

  @Test
  @DisplayName(
      "a cross-site form post with the browser's cached Basic credentials is refused (403 JSON, nothing pushed); a non-JSON body is 415; a script's JSON without Origin and a same-origin call still work")
  void crossSiteRequestsAreRefused() {
    String credentials = "operator:" + PASSWORD;
    String form = "application/x-www-form-urlencoded";
    Reply forged =
        send(
            "POST",
            "operator/ribbons",
            form,
            "confirm=yes",
            credentials,
            "Origin",
            "https://evil.example");
    forged.expectError(403);
    assertTrue(forged.body().contains("cross-site"), forged.body());
    send(
            "POST",
            "operator/kyc/" + ContractClient.newUserId(),
            "application/json",
            "{\"decision\":\"approve\"}",
            credentials,
            "Origin",
            "null")
        .expectError(403);
    send("POST", "operator/ribbons", form, "x=1", credentials, "Sec-Fetch-Site", "cross-site")
        .expectError(403);
    send("GET", "operator/kyc", null, null, credentials, "Sec-Fetch-Site", "same-site")
        .expectError(403);
    send("POST", "operator/ribbons", form, "x=1", credentials, null, null).expectError(415);
    send("POST", "operator/ribbons", "text/plain", "x", credentials, null, null).expectError(415);

    String base = ctrader.base().toString();
    String ownOrigin = base.substring(0, base.length() - 1);
    long unknown = ContractClient.newUserId();
    send(
            "POST",
            "operator/ribbons/" + unknown,
            "application/json",
            "{}",
            credentials,
            "Origin",
            ownOrigin)
        .expectError(404); // let through: the trader is unknown
    send("GET", "operator/kyc", null, null, credentials, "Sec-Fetch-Site", "same-origin")
        .expect(200);
    operator("POST", "operator/ribbons/" + unknown, null).expectError(404);
    operator("POST", "operator/kyc/" + unknown, "{\"decision\":\"approve\"}").expectError(404);
  }

  @Test
  @DisplayName(
      "metrics: 401 without the operator password; with it, Prometheus text counting calls 4.1-4.5"
          + " by outcome")
  void metrics() {
    // as Prometheus asks: its own Accept header, which text/plain satisfies
    String prometheus =
        "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    HttpRequest.Builder scrape =
        HttpRequest.newBuilder(URI.create(ctrader.base() + "operator/metrics"))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", prometheus);
    send(scrape.build()).expectError(401);
    String token = ctrader.crmApiToken();
    ctrader.exchange(token, "not-a-one-time-token");

    Reply scraped =
        send(scrape
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                ("monitoring:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build())
            .expect(200);

    assertTrue(
        scraped
            .response()
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("text/plain"));
    assertTrue(
        scraped
            .body()
            .matches(
                "(?s).*\nbrokersso_contract_calls_total\\{call=\"4\\.1\",outcome=\"ok\"} [1-9].*"),
        scraped.body());
    assertTrue(
        scraped
            .body()
            .matches(
                "(?s).*\nbrokersso_contract_calls_total\\{call=\"4\\.2\",outcome=\"[A-Z_]+\"} [1-9].*"),
        scraped.body());
    assertTrue(scraped.body().contains("# TYPE brokersso_ctrader_call_seconds histogram"));
  }

  private Reply sandboxKyc(long ctidUserId, String decision) {
    return call(
        "POST",
        "sandbox/kyc",
        "{\"userId\":" + ctidUserId + ",\"kycType\":\"poa\",\"decision\":\"" + decision + "\"}",
        null);
  }

  private Reply operator(String method, String path, String body) {
    return call(method, path, body, "operator:" + PASSWORD);
  }

  private Reply send(
      String method,
      String path,
      String contentType,
      String body,
      String credentials,
      String header,
      String value) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ctrader.base() + path))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (header != null) {
      request.header(header, value);
    }
    return send(request.build());
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Reply call(String method, String path, String body, String credentials) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ctrader.base() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
