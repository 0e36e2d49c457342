package org.brokersso.ctrader.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Work that cTrader refused for its rate limit (spec §1.5: new writes are refused for a while) is
 * resumed later on the runtime's scheduled executor, never by sleeping on the caller's thread: the
 * caller is a screen's request, which answers the trader at once (docs/contract-choices.md B16).
 *
 * <p>The pause is cTrader's {@code Retry-After} when the answer carries one, else {@code
 * ctrader.rate-limit.backoff}, doubled at each later attempt; after {@code
 * ctrader.rate-limit.retries} attempts nothing more is scheduled, and the work waits for the
 * trader's next visit or a job. What is scheduled is a plain method of the caller (such as {@code
 * Onboarding#complete}), so a job can call it as well. The schedule lives in this server's memory
 * only: after a restart, the next visit or a job resumes the work.
 */
@ApplicationScoped
public class RateLimitBackOff {

  private static final Logger LOG = Logger.getLogger(RateLimitBackOff.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "ctrader.rate-limit.backoff")
  Duration backoff;

  @Inject
  @ConfigProperty(name = "ctrader.rate-limit.retries")
  int retries;

  /**
   * Schedules {@code resume} as later attempt number {@code attempt} (0 for the first); answers the
   * pause, or empty when the attempts are used up and nothing was scheduled.
   */
  public Optional<Duration> later(
      String what, CtraderRejection rejection, int attempt, Runnable resume) {
    if (attempt >= retries) {
      LOG.warning(
          () ->
              what
                  + ": cTrader's rate limit still holds after "
                  + attempt
                  + " later attempts; left for the next visit");
      return Optional.empty();
    }
    Duration pause =
        rejection.retryAfter().orElse(backoff.multipliedBy(1L << Math.min(attempt, 20)));
    scheduler.schedule(resume, pause.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> what + ": cTrader's rate limit; resumed in " + pause);
    return Optional.of(pause);
  }
}
