package org.brokersso.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShutdownReadinessTest {

  @Test
  @DisplayName("readiness is UP while serving and DOWN once the server is stopping")
  void downWhenStopping() {
    ShutdownReadiness readiness = new ShutdownReadiness();
    assertEquals(Status.UP, readiness.call().getStatus());

    readiness.stopping();

    assertEquals(Status.DOWN, readiness.call().getStatus());
    assertEquals("shutdown", readiness.call().getName());
  }
}
