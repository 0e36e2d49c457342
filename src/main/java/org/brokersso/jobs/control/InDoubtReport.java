package org.brokersso.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.funding.control.UnfinishedMovements;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;

/**
 * The report job, and the gauge behind it: money movements and account openings that are not
 * finished, and how many of them are in doubt (cTrader may or may not have acted; only an operator
 * may settle them, see docs/money.md and docs/onboarding.md). One log line per run when there is
 * any; the gauge reads the database at each scrape, so every instance shows the same numbers.
 */
@ApplicationScoped
public class InDoubtReport {

  private static final Logger LOG = Logger.getLogger(InDoubtReport.class.getName());

  @Inject UnfinishedMovements movements;
  @Inject Onboarding onboarding;
  @Inject Metrics metrics;

  /** Unfinished work, as the report counts it. */
  public record Counts(long movements, long movementsInDoubt, long openings, long openingsInDoubt) {

    boolean isEmpty() {
      return movements == 0 && openings == 0;
    }

    Map<List<String>, Long> asGauge() {
      return Map.of(
          List.of("money_movement", "false"),
          movements - movementsInDoubt,
          List.of("money_movement", "true"),
          movementsInDoubt,
          List.of("account_opening", "false"),
          openings - openingsInDoubt,
          List.of("account_opening", "true"),
          openingsInDoubt);
    }

    @Override
    public String toString() {
      return movements
          + " money movements unfinished ("
          + movementsInDoubt
          + " in doubt), "
          + openings
          + " account openings unfinished ("
          + openingsInDoubt
          + " in doubt)";
    }
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.gauge(Meter.IN_DOUBT, () -> counts().asGauge());
  }

  public Counts counts() {
    List<MoneyMovement> unfinished = movements.all();
    List<TraderAccount> openings = onboarding.unfinished();
    return new Counts(
        unfinished.size(),
        unfinished.stream().filter(m -> m.state().name().endsWith("_IN_DOUBT")).count(),
        openings.size(),
        openings.stream().filter(TraderAccount::isInDoubt).count());
  }

  /** Logs the counts when anything is unfinished; answers them for the lease's last outcome. */
  public String run() {
    Counts counts = counts();
    if (!counts.isEmpty()) {
      LOG.warning(
          () ->
              "Unfinished work: "
                  + counts
                  + "; see the money_movement and trader_account rows (docs/money.md,"
                  + " docs/onboarding.md)");
    }
    return counts.toString();
  }
}
