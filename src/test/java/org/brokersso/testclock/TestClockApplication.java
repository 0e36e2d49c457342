package org.brokersso.testclock;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Test only: the black-box test WAR's own JAX-RS application, beside the product's. The product's
 * {@code RestApplication} names its classes and never scans, so a test resource is published only
 * here, at {@code /it/*}, and a product WAR has no such path.
 */
@ApplicationPath("/it")
public class TestClockApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(TestClockResource.class, ScreenSessionsResource.class);
  }
}
