package org.brokersso.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.brokersso.audit.entity.AuditEvent;

/**
 * Writes the audit trail. A success is written in the caller's transaction, so it commits
 * exactly when the effect does; a refusal is written in a transaction of its own, because the
 * caller's work is about to be rolled back by the refusal itself.
 */
@ApplicationScoped
public class AuditTrail {

  @PersistenceContext EntityManager em;

  @Transactional(TxType.MANDATORY)
  public void success(AuditEvent event) {
    em.persist(event);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void refusal(AuditEvent event) {
    em.persist(event);
  }
}
