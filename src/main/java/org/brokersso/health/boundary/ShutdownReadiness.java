package org.brokersso.health.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness goes DOWN as soon as the server is told to stop, before it stops serving: a JVM
 * shutdown hook (SIGTERM, Ctrl-C) raises the flag at once, while the runtime's own hook waits out
 * its grace period (Payara Micro's {@code --shutdowngrace}) with requests still served, so the load
 * balancer's health check takes the instance out and the requests under way finish. An undeployment
 * raises it too.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(ShutdownReadiness.class.getName());

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Thread hook = new Thread(this::stopping, "broker-sso-readiness-down");

  void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The server is stopping: from now on readiness answers DOWN. */
  public void stopping() {
    if (stopping.compareAndSet(false, true)) {
      LOG.info("Stopping: readiness is DOWN from now on");
    }
  }

  @PreDestroy
  void undeployed() {
    stopping();
    try {
      Runtime.getRuntime().removeShutdownHook(hook); // an undeployment, not a JVM stop
    } catch (IllegalStateException | IllegalArgumentException alreadyStoppingOrNotAdded) {
      // the JVM is shutting down (the hook runs or ran), or the start never added it
    }
  }

  @Override
  public HealthCheckResponse call() {
    return new HealthCheckResponse(
        "shutdown", stopping.get() ? Status.DOWN : Status.UP, Optional.empty());
  }
}
