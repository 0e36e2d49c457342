package org.brokersso.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.brokersso.audit.entity.AuditEvent;

/**
 * Writes the audit trail, always inside the caller's transaction: a success commits exactly when
 * its effect does, and a refusal commits too, because a {@code Refusal} does not roll back. No
 * transaction of its own, so a request never holds two pooled connections at once.
 */
@ApplicationScoped
public class AuditTrail {

  @PersistenceContext EntityManager em;

  @Transactional(TxType.MANDATORY)
  public void record(AuditEvent event) {
    em.persist(event);
  }
}
