package org.brokersso.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.brokersso.BlackBoxServer;
import org.brokersso.ContractClient;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a sysadmin's monitoring and an integrator's tooling read: readiness and the OpenAPI
 * document.
 */
class PlatformIT extends ContractIT {

  @Test
  void readinessChecksTheDatabaseAndNamesTheSandbox() {
    // health/ready on Payara; WildFly serves MicroProfile Health on its management port
    ContractClient.Reply reply = ctrader.get(BlackBoxServer.readiness().toString()).expect(200);
    JsonObject body = reply.json();
    assertEquals("UP", body.getString("status"));
    String checks = body.getJsonArray("checks").toString();
    assertTrue(checks.contains("\"database\""), checks);
    assertTrue(checks.contains("\"sandbox\""), checks);
  }

  @Test
  @DisplayName("readiness shows where mail goes (host, port, TLS), never a secret, and stays UP")
  void readinessShowsTheMailTransport() {
    JsonObject mail =
        ctrader
            .get(BlackBoxServer.readiness().toString())
            .expect(200)
            .json()
            .getJsonArray("checks")
            .stream()
            .map(JsonObject.class::cast)
            .filter(check -> check.getString("name").equals("mail"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no readiness check named mail"));
    assertEquals("UP", mail.getString("status"));
    String transport = mail.getJsonObject("data").getString("transport");
    assertTrue(transport.startsWith("smtp://127.0.0.1:"), transport);
    assertTrue(transport.contains("without TLS"), transport);
  }

  @Test
  void theSandboxLoginRefusesBadInputWithA400() {
    ctrader.post("sandbox/login", "{").expectError(400, "INVALID_REQUEST");
    ctrader.post("sandbox/login", "{}").expectError(400, null);
    ctrader.post("sandbox/login", "{\"userId\":-5}").expectError(400, null);
    ctrader.post("sandbox/login", "{\"userId\":\"x\"}").expectError(400, null);
  }

  @Test
  void openApiDescribesTheFiveCalls() {
    String document = ctrader.get("openapi").expect(200).body();
    for (String path :
        new String[] {
          "/oauth2/crmApiToken",
          "/oauth2/onetime/authorize",
          "/oauth2/authorize",
          "/oauth2/onetime/generate",
          "/oauth2/logout"
        }) {
      assertTrue(document.contains(path + ":"), path);
    }
  }

  @Test
  @DisplayName(
      "the runtime's metrics (JVM, threads, connection pool) are not public; readiness stays reachable")
  void metricsAreNotPublic() {
    for (String path : new String[] {"metrics", "metrics/base", "metrics/vendor"}) {
      ContractClient.Reply reply = ctrader.get(path);
      assertTrue(reply.status() >= 400, path + " answers " + reply.status());
      assertFalse(reply.body().contains("# TYPE"), path + " shows metrics: " + reply.body());
    }
    ctrader.get(BlackBoxServer.readiness().toString()).expect(200);
    ctrader.get(BlackBoxServer.readiness().resolve("live").toString()).expect(200);
  }

  @Test
  @DisplayName(
      "the same JSON on Payara and WildFly (JSON-B on both): no null field, keys in one order,"
          + " and a 404 that names neither the runtime nor the path")
  void sameJsonOnEveryRuntime() {
    String withoutKeep = ctrader.exchange(crmApiToken, ctrader.login(userId, false)).body();
    assertTrue(
        withoutKeep.matches("\\{\"inappToken\":\"ia_[\\w-]+\",\"userId\":" + userId + "\\}"),
        "4.2 without keep me logged in has no accessToken key at all: " + withoutKeep);
    String withKeep = ctrader.exchange(crmApiToken, ctrader.login(userId, true)).body();
    assertTrue(
        withKeep.matches(
            "\\{\"accessToken\":\"at_[\\w-]+\",\"inappToken\":\"ia_[\\w-]+\",\"userId\":"
                + userId
                + "\\}"),
        "4.2's keys in JSON-B's order: " + withKeep);
    assertEquals(
        "{\"error\":\"Not Found\",\"message\":\"Not Found\"}",
        ctrader.get("no/such/path").expect(404).body());
    assertEquals(
        "{\"error\":\"Method Not Allowed\",\"message\":\"Method Not Allowed\"}",
        ctrader.get("sandbox/login").expect(405).body());
  }

  @Test
  @DisplayName(
      "no WADL: the map of every path, operator and sandbox ones included, is not published")
  void noWadl() {
    ctrader.get("application.wadl").expect(404);
  }

  @Test
  @DisplayName(
      "the outbound REST clients are not server endpoints: cTrader's paths answer 404 here")
  void outboundPathsAreNotServed() {
    ctrader.post("cid/ctid/link", "{}").expect(404);
    ctrader.post("v2/webserv/traders", "{}").expect(404);
    ctrader.post("ctid/link", "{}").expect(404);
  }

  @Test
  @DisplayName(
      "sandbox pages: no outbox once an SMTP server is set (it would hand out reset links);"
          + " cTrader Web's stand-in refuses a forged token")
  void sandboxPages() {
    ctrader.get("sandbox/outbox").expect(404); // the test server mails to GreenMail
    String web = ctrader.get("sandbox/ctrader-web?token=ot_forged&acc=1").expect(200).body();
    assertTrue(web.contains("id=\"refused\""), web);
  }
}
