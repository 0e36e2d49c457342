package org.brokersso.sso.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.setup.control.ApplicationStart;
import org.brokersso.sso.control.RevocationFeed;
import org.brokersso.sso.control.VerificationTally;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs, on every instance, what keeps call 4.3's memory right and its successes in the audit trail:
 * the read of the {@link RevocationFeed} every {@code sso.access-token.cache.poll-period}, and the
 * write of the {@link VerificationTally} every {@code sso.access-token.verify-audit.period} and at
 * shutdown. Unlike the jobs package's jobs these run on each instance, not once per cluster: each
 * instance has its own memory.
 *
 * <p>One thread of the runtime's default {@code ManagedThreadFactory}, not a periodic task of its
 * scheduled executor: WildFly refuses a scheduled task while it is still starting ("container is
 * suspended"), and a periodic task refused once is never run again, which left the memory unused.
 */
@ApplicationScoped
public class AccessTokenCacheSchedule {

  private static final Logger LOG = Logger.getLogger(AccessTokenCacheSchedule.class.getName());

  /** After the schema migration (whose priority is lower). */
  static final int PRIORITY = 300;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

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

  private volatile boolean running;
  private Thread worker;

  void start(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
    running = true;
    worker = threads.newThread(this::run);
    worker.setName("brokersso-access-token-cache");
    worker.setDaemon(true);
    worker.start();
  }

  private void run() {
    long nextFlush = System.nanoTime() + auditPeriod.toNanos();
    // without the memory, only the audit counts need the thread, once per audit period
    long pause = (enabled ? pollPeriod : auditPeriod).toMillis();
    while (running) {
      if (enabled && ApplicationStart.isServing()) {
        feed.poll(); // never throws: a failed read leaves the memory unused until the next
      }
      if (System.nanoTime() - nextFlush >= 0) {
        flush();
        nextFlush = System.nanoTime() + auditPeriod.toNanos();
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
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
    running = false;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (enabled) {
      feed.leave();
    }
    flush();
  }
}
