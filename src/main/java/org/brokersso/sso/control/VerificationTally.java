package org.brokersso.sso.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.sso.control.AccessTokenCache.Verified;

/**
 * The audit trail's record of successful 4.3 calls, aggregated: per access token and period ({@code
 * sso.access-token.verify-audit.period}), one row "verified N times" stamped with the first
 * verification, written by the schedule instead of one row per app launch. Refusals, revocations
 * and every other security event are still written in full, in the request's own transaction
 * (docs/security.md, "What the audit trail keeps").
 *
 * <p>What is lost if the process dies: the counts of at most one period, on that instance.
 */
@ApplicationScoped
public class VerificationTally {

  private final Map<String, Count> byTokenHash = new ConcurrentHashMap<>();

  @Inject AuditTrail audit;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction transaction;

  /** One verification of the token with this hash. */
  public void verified(String hash, Verified token, Instant at) {
    byTokenHash.compute(
        hash, (h, count) -> count == null ? new Count(token, at, at, 1) : count.plus(at));
  }

  /**
   * Writes what was counted since the last flush, in one transaction of its own; if it does not
   * commit, the counts stay for the next flush.
   */
  public int flush() {
    List<Map.Entry<String, Count>> taken = new ArrayList<>();
    for (String hash : List.copyOf(byTokenHash.keySet())) {
      Count count = byTokenHash.remove(hash);
      if (count != null) {
        taken.add(Map.entry(hash, count));
      }
    }
    if (taken.isEmpty()) {
      return 0;
    }
    try {
      transaction.begin();
      for (Map.Entry<String, Count> entry : taken) {
        Count count = entry.getValue();
        audit.record(
            AuditEvent.success(count.first(), Refusals.CTRADER, AuditAction.ACCESS_TOKEN_VERIFY)
                .user(count.token().userId(), count.token().ctidUserId())
                .token(entry.getKey())
                .detail(
                    "verified "
                        + count.times()
                        + (count.times() == 1 ? " time" : " times")
                        + " from "
                        + count.first()
                        + " to "
                        + count.last()
                        + " (aggregated)"));
      }
      transaction.commit();
    } catch (Exception e) {
      rollBack();
      taken.forEach(entry -> byTokenHash.merge(entry.getKey(), entry.getValue(), Count::merge));
      throw new IllegalStateException("Aggregated 4.3 audit rows not written: " + e, e);
    }
    return taken.size();
  }

  private void rollBack() {
    try {
      if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (Exception ignored) {
      // nothing was written; the counts are kept for the next flush
    }
  }

  record Count(Verified token, Instant first, Instant last, long times) {
    Count plus(Instant at) {
      return new Count(token, first, at.isAfter(last) ? at : last, times + 1);
    }

    Count merge(Count other) {
      return new Count(
          token,
          first.isBefore(other.first) ? first : other.first,
          last.isAfter(other.last) ? last : other.last,
          times + other.times);
    }
  }
}
