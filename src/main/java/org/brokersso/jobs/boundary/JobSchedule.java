package org.brokersso.jobs.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.jobs.control.InDoubtReport;
import org.brokersso.jobs.control.JobLeases;
import org.brokersso.jobs.control.Purge;
import org.brokersso.jobs.control.Retries;
import org.brokersso.jobs.entity.Job;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.persistence.control.DatabaseOutage;
import org.brokersso.setup.control.ApplicationStart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ticks every job on the runtime's default managed scheduled executor, on every instance, once per
 * period ({@code jobs.*.period}); at each tick the instance runs the job only if it takes the job's
 * lease ({@link JobLeases}), so a cluster runs each job once per period whatever its size. The
 * lease lasts the period less a little slack, so the holder's own next tick, which may come a few
 * milliseconds early, finds it run out. {@code jobs.enabled=false} schedules nothing.
 */
@ApplicationScoped
public class JobSchedule {

  private static final Logger LOG = Logger.getLogger(JobSchedule.class.getName());

  /** After the schema migration and the backend's choice. */
  static final int PRIORITY = 300;

  /** The first tick comes one period after the start, but not later than this. */
  static final Duration FIRST_TICK_AT_MOST = Duration.ofMinutes(1);

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "jobs.enabled")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "jobs.purge.period")
  Duration purgePeriod;

  @Inject
  @ConfigProperty(name = "jobs.retry.period")
  Duration retryPeriod;

  @Inject
  @ConfigProperty(name = "jobs.report.period")
  Duration reportPeriod;

  @Inject JobLeases leases;
  @Inject Purge purge;
  @Inject Retries retries;
  @Inject InDoubtReport report;
  @Inject Metrics metrics;
  @Inject Clock clock;
  @Inject DatabaseOutage outage;

  private final List<ScheduledFuture<?>> ticks = new CopyOnWriteArrayList<>();

  void start(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
    if (!enabled) {
      LOG.info("Scheduled jobs are off (jobs.enabled=false)");
      return;
    }
    for (Job job : Job.values()) {
      Duration period = period(job);
      if (period.isZero() || period.isNegative()) {
        throw new IllegalStateException("jobs." + job.leaseName() + ".period must be positive");
      }
      long first = Math.min(period.toMillis(), FIRST_TICK_AT_MOST.toMillis());
      ticks.add(
          scheduler.scheduleAtFixedRate(
              () -> tick(job, leases.instance()), first, period.toMillis(), TimeUnit.MILLISECONDS));
    }
    LOG.info(
        () ->
            "Scheduled jobs on instance "
                + leases.instance()
                + ": purge every "
                + purgePeriod
                + ", retry every "
                + retryPeriod
                + ", report every "
                + reportPeriod);
  }

  @PreDestroy
  void stop() {
    ticks.forEach(tick -> tick.cancel(false));
  }

  /**
   * One tick of {@code job} for {@code holder}: runs the job when the holder takes its lease, and
   * answers whether it did. Never throws, so a failed run does not end the schedule.
   */
  public boolean tick(Job job, String holder) {
    if (!ApplicationStart.isServing() || outage.isAway()) {
      // the schema may not exist yet (a database away at start-up), or the database is away:
      // the next period tries again, without a failure per tick in the log
      metrics.increment(Meter.JOB_RUNS, job.leaseName(), "skipped");
      return false;
    }
    try {
      if (!leases.acquire(job.leaseName(), holder, clock.instant(), leaseLength(period(job)))) {
        metrics.increment(Meter.JOB_RUNS, job.leaseName(), "skipped");
        return false;
      }
    } catch (RuntimeException e) {
      metrics.increment(Meter.JOB_RUNS, job.leaseName(), "failed");
      LOG.log(Level.WARNING, "Job " + job.leaseName() + " not started: " + e.getMessage());
      return false;
    }
    String outcome;
    try {
      outcome = body(job).get();
      metrics.increment(Meter.JOB_RUNS, job.leaseName(), "ran");
    } catch (RuntimeException e) {
      outcome = "failed: " + e;
      metrics.increment(Meter.JOB_RUNS, job.leaseName(), "failed");
      LOG.log(Level.WARNING, "Job " + job.leaseName() + " failed; the next period tries again", e);
    }
    try {
      leases.finished(job.leaseName(), holder, clock.instant(), outcome);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Outcome of job " + job.leaseName() + " not recorded", e);
    }
    return true;
  }

  private Supplier<String> body(Job job) {
    return switch (job) {
      case PURGE ->
          () -> {
            Map<String, Integer> purged = purge.run(clock.instant());
            if (!purged.isEmpty()) {
              LOG.info(() -> "Purged rows past their retention: " + purged);
            }
            return "purged " + purged;
          };
      case RETRY -> retries::run;
      case REPORT -> report::run;
    };
  }

  private Duration period(Job job) {
    return switch (job) {
      case PURGE -> purgePeriod;
      case RETRY -> retryPeriod;
      case REPORT -> reportPeriod;
    };
  }

  /** The period less a tenth of it, at most 10 s: slack for a tick that fires a little early. */
  static Duration leaseLength(Duration period) {
    Duration slack = period.dividedBy(10);
    return period.minus(
        slack.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : slack);
  }
}
