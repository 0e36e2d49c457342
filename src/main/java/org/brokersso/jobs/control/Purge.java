package org.brokersso.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brokersso.jobs.entity.PurgeRule;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The purge job: deletes token rows {@code jobs.purge.token-grace} after they expired and audit
 * rows older than {@code jobs.purge.audit-retention}, table by table ({@link PurgeRule}), in
 * batches of {@code jobs.purge.batch-size} rows, at most {@code jobs.purge.max-batches} per table
 * and run: a backlog shrinks over several runs instead of one long lock. Signup confirmations need
 * no purge: they live in the screen session only ({@code PendingSignup}).
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // each batch commits on its own (RowPurge)
public class Purge {

  @Inject
  @ConfigProperty(name = "jobs.purge.token-grace")
  Duration tokenGrace;

  @Inject
  @ConfigProperty(name = "jobs.purge.audit-retention")
  Duration auditRetention;

  @Inject
  @ConfigProperty(name = "jobs.purge.batch-size")
  int batchSize;

  @Inject
  @ConfigProperty(name = "jobs.purge.max-batches")
  int maxBatches;

  @Inject RowPurge rows;
  @Inject Metrics metrics;

  /** Answers the rows deleted per table (tables with none left out). */
  public Map<String, Integer> run(Instant now) {
    Map<String, Integer> purged = new LinkedHashMap<>();
    for (PurgeRule rule : PurgeRule.values()) {
      long cutoff = now.minus(rule.isAudit() ? auditRetention : tokenGrace).toEpochMilli();
      int deleted = 0;
      for (int batch = 0; batch < maxBatches; batch++) {
        int n = rows.deleteBatch(rule, cutoff, batchSize);
        deleted += n;
        if (n < batchSize) {
          break;
        }
      }
      if (deleted > 0) {
        purged.put(rule.table(), deleted);
        metrics.add(Meter.PURGED_ROWS, deleted, rule.table());
      }
    }
    return purged;
  }
}
