package org.brokersso.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.brokersso.ContractClient;
import org.brokersso.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a sysadmin's monitoring and an integrator's tooling read: readiness and the OpenAPI document. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  private final ContractClient client = new ContractClient();

  @Test
  void readinessChecksTheDatabaseAndNamesTheSandbox() {
    ContractClient.Reply reply = client.get("health/ready").expect(200);
    JsonObject body = reply.json();
    assertEquals("UP", body.getString("status"));
    String checks = body.getJsonArray("checks").toString();
    assertTrue(checks.contains("\"database\""), checks);
    assertTrue(checks.contains("\"sandbox\""), checks);
  }

  @Test
  void theSandboxLoginRefusesBadInputWithA400() {
    client.post("sandbox/login", "{").expectError(400, "INVALID_REQUEST");
    client.post("sandbox/login", "{}").expectError(400, null);
    client.post("sandbox/login", "{\"userId\":-5}").expectError(400, null);
    client.post("sandbox/login", "{\"userId\":\"x\"}").expectError(400, null);
  }

  @Test
  void openApiDescribesTheFiveCalls() {
    String document = client.get("openapi").expect(200).body();
    for (String path :
        new String[] {"/oauth2/crmApiToken", "/oauth2/onetime/authorize", "/oauth2/authorize", "/oauth2/onetime/generate", "/oauth2/logout"}) {
      assertTrue(document.contains(path + ":"), path);
    }
  }
}
