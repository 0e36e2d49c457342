package org.brokersso.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.brokersso.ContractClient;
import org.brokersso.ContractIT;
import org.junit.jupiter.api.Test;

/**
 * What a sysadmin's monitoring and an integrator's tooling read: readiness and the OpenAPI
 * document.
 */
class PlatformIT extends ContractIT {

  @Test
  void readinessChecksTheDatabaseAndNamesTheSandbox() {
    ContractClient.Reply reply = ctrader.get("health/ready").expect(200);
    JsonObject body = reply.json();
    assertEquals("UP", body.getString("status"));
    String checks = body.getJsonArray("checks").toString();
    assertTrue(checks.contains("\"database\""), checks);
    assertTrue(checks.contains("\"sandbox\""), checks);
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
}
