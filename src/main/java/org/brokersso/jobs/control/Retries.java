package org.brokersso.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Map;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.ribbon.control.RibbonPublisher;
import org.brokersso.ribbon.entity.Publication;
import org.brokersso.user.control.PartnerAttribution;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retry job: work that a passing cTrader failure deferred to the trader's next login is taken
 * up without waiting for it, through the same code the login runs: ribbon pushes still pending
 * (3.9, {@code RibbonPublisher}) and partner attributions not yet made (3.6, {@code
 * PartnerAttribution}), at most {@code jobs.retry.max-items} of each per run.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // calls cTrader
public class Retries {

  @Inject
  @ConfigProperty(name = "jobs.retry.max-items")
  int maxItems;

  @Inject RibbonPublisher ribbons;
  @Inject PartnerAttribution partners;
  @Inject Metrics metrics;

  /** Answers what was tried, for the lease's last outcome. */
  public String run() {
    Map<Publication, Integer> pushed = ribbons.retryPending(maxItems);
    int ribbonsTried = pushed.values().stream().mapToInt(Integer::intValue).sum();
    int attributions = partners.retryDeferred(maxItems);
    metrics.add(Meter.RETRIED, ribbonsTried, "ribbons");
    metrics.add(Meter.RETRIED, attributions, "partner_attribution");
    return "ribbons " + pushed + ", partner attributions tried " + attributions;
  }
}
