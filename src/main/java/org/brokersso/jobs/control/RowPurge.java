package org.brokersso.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.brokersso.jobs.entity.PurgeRule;

/**
 * One bounded batch of a purge, in a transaction of its own: the ids first (at most {@code max}),
 * then a delete of those ids that still match, so no statement locks more than one batch of rows
 * and a row that gained a reference in between stays. Portable: no {@code DELETE ... LIMIT}, which
 * H2 and MySQL spell differently.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class RowPurge {

  @PersistenceContext EntityManager em;

  /** Deletes up to {@code max} rows of the rule's table; answers how many went. */
  public int deleteBatch(PurgeRule rule, long cutoff, int max) {
    List<?> found =
        em.createNativeQuery("SELECT id FROM " + rule.table() + " WHERE " + rule.condition())
            .setParameter("cutoff", cutoff)
            .setMaxResults(max)
            .getResultList();
    if (found.isEmpty()) {
      return 0;
    }
    List<Long> ids = found.stream().map(id -> ((Number) id).longValue()).toList();
    return em.createNativeQuery(
            "DELETE FROM " + rule.table() + " WHERE id IN (:ids) AND " + rule.condition())
        .setParameter("ids", ids)
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
