package org.brokersso.sso.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.setup.control.ApplicationStart;
import org.brokersso.sso.control.RevocationFeed;
import org.brokersso.sso.control.VerificationTally;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs, on every instance and on the runtime's default managed scheduled executor, what keeps call
 * 4.3's memory right and its successes in the audit trail: the read of the {@link RevocationFeed}
 * every {@code sso.access-token.cache.poll-period}, and the write of the {@link VerificationTally}
 * every {@code sso.access-token.verify-audit.period} and at shutdown. Unlike the jobs package's
 * jobs these run on each instance, not once per cluster: each instance has its own memory.
 */
@ApplicationScoped
public class AccessTokenCacheSchedule {

  private static final Logger LOG = Logger.getLogger(AccessTokenCacheSchedule.class.getName());

  /** After the schema migration (whose priority is lower). */
  static final int PRIORITY = 300;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "sso.access-token.cache.enabled")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "sso.access-token.cache.poll-period")
  Duration pollPeriod;

  @Inject
  @ConfigProperty(name = "sso.access-token.verify-audit.period")
  Duration auditPeriod;

  @Inject RevocationFeed feed;
  @Inject VerificationTally tally;

  private final List<ScheduledFuture<?>> ticks = new CopyOnWriteArrayList<>();

  void start(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
    if (enabled) {
      ticks.add(
          scheduler.scheduleWithFixedDelay(
              this::poll, 0, pollPeriod.toMillis(), TimeUnit.MILLISECONDS));
    }
    ticks.add(
        scheduler.scheduleWithFixedDelay(
            this::flush, auditPeriod.toMillis(), auditPeriod.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void poll() {
    if (ApplicationStart.isServing()) {
      feed.poll(); // never throws: a failed read leaves the memory unused until the next
    }
  }

  private void flush() {
    try {
      if (ApplicationStart.isServing()) {
        tally.flush();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "4.3 audit counts kept for the next period: " + e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    ticks.forEach(tick -> tick.cancel(false));
    if (enabled) {
      feed.leave();
    }
    flush();
  }
}
