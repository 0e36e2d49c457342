package org.brokersso.ribbon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.ribbon.entity.RibbonPublication;

/** The journal of pushes (table {@code ribbon_publication}); each change commits on its own. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class RibbonPublications {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** True when the trader's ribbons were never pushed or the last push failed or was superseded. */
  @Transactional(TxType.SUPPORTS)
  public boolean isPending(long userId) {
    RibbonPublication publication = em.find(RibbonPublication.class, userId);
    return publication == null || publication.isPending();
  }

  public void published(long userId) {
    of(userId).published(clock.instant());
  }

  public void failed(long userId, String error) {
    of(userId).failed(error, clock.instant());
  }

  /**
   * Marks every trader cTrader knows as pending (an operator's re-push), in two statements; answers
   * how many traders that is, and records who asked in the audit trail.
   */
  public int markAllPending(String actor) {
    em.createNativeQuery(
            "INSERT INTO ribbon_publication (user_id, pending) SELECT u.id, TRUE FROM broker_user u"
                + " WHERE u.ctid_user_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM ribbon_publication p WHERE p.user_id = u.id)")
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE ribbon_publication SET pending = TRUE"
                + " WHERE user_id IN (SELECT u.id FROM broker_user u WHERE u.ctid_user_id IS NOT NULL)")
        .executeUpdate();
    // counted apart: MySQL's update count leaves out rows that were pending already
    int traders =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM broker_user WHERE ctid_user_id IS NOT NULL")
                    .getSingleResult())
            .intValue();
    audit.record(
        AuditEvent.success(clock.instant(), actor, AuditAction.RIBBONS_PUBLISH)
            .detail("re-push to all " + traders + " traders"));
    return traders;
  }

  /** An operator pushed one trader's ribbons. */
  public void audited(String actor, long userId, Long ctidUserId, String outcome) {
    audit.record(
        AuditEvent.success(clock.instant(), actor, AuditAction.RIBBONS_PUBLISH)
            .user(userId, ctidUserId)
            .detail(outcome));
  }

  /** Pending traders with an id above {@code after}, in id order: a run pages through them. */
  @Transactional(TxType.SUPPORTS)
  public List<Long> pendingAfter(long after, int max) {
    return em.createNamedQuery(RibbonPublication.PENDING_AFTER, Long.class)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  @Transactional(TxType.SUPPORTS)
  public long count(String namedQuery) {
    return em.createNamedQuery(namedQuery, Long.class).getSingleResult();
  }

  private RibbonPublication of(long userId) {
    RibbonPublication publication = em.find(RibbonPublication.class, userId);
    if (publication == null) {
      publication = new RibbonPublication(userId);
      em.persist(publication);
    }
    return publication;
  }
}
