package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.audit.entity.AuditOutcome;

/** Test only, deployed with {@code InServerStandInIT}: counts a user's rows of the audit trail. */
@ApplicationScoped
public class FundingAudit {

  @PersistenceContext EntityManager em;

  public long count(long userId, AuditAction action, AuditOutcome outcome) {
    return em.createQuery(
            "SELECT COUNT(e) FROM "
                + AuditEvent.class.getSimpleName()
                + " e WHERE e.userId = :userId AND e.action = :action AND e.outcome = :outcome",
            Long.class)
        .setParameter("userId", userId)
        .setParameter("action", action)
        .setParameter("outcome", outcome)
        .getSingleResult();
  }
}
