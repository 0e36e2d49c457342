package org.brokersso.kyc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.kyc.entity.KycCase;
import org.brokersso.kyc.entity.KycStatus;
import org.brokersso.kyc.entity.KycVerdict;
import org.brokersso.kyc.entity.NoSuchKycCase;
import org.brokersso.user.entity.User;

/**
 * The cases and their audit rows. Every change commits on its own, before or after the call to the
 * provider, never across it, so a slow provider holds no connection and a failure loses nothing.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class KycCases {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Transactional(TxType.SUPPORTS)
  public Optional<KycCase> newestOf(long userId) {
    return em.createNamedQuery(KycCase.OF_USER, KycCase.class)
        .setParameter("userId", userId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Transactional(TxType.SUPPORTS)
  public List<KycCase> withStatus(KycStatus status, int max) {
    return em.createNamedQuery(KycCase.WITH_STATUS, KycCase.class)
        .setParameter("status", status)
        .setMaxResults(max)
        .getResultList();
  }

  @Transactional(TxType.SUPPORTS)
  public KycCase find(long caseId) {
    return Optional.ofNullable(em.find(KycCase.class, caseId))
        .orElseThrow(() -> new NoSuchKycCase(caseId));
  }

  /**
   * The trader's pending or approved case, or a new pending one. The user's row is locked first, so
   * two submissions at once cannot open two cases.
   */
  public KycCase open(long userId, String kycType, String provider) {
    if (em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
      throw new IllegalArgumentException("No broker user " + userId);
    }
    Optional<KycCase> newest = newestOf(userId);
    if (newest.isPresent() && newest.get().standsInForNewApplication()) {
      return newest.get();
    }
    KycCase opened = new KycCase(userId, kycType, provider, clock.instant());
    em.persist(opened);
    return opened;
  }

  /**
   * The provider accepted the case; records its reference and, when it decided at once, the
   * decision.
   */
  public KycCase sent(long caseId, KycVerdict verdict) {
    KycCase kase = find(caseId);
    kase.sent(verdict.reference());
    audit.record(
        event(kase, AuditAction.KYC_SUBMISSION, kase.provider())
            .detail(
                "case "
                    + caseId
                    + (kase.kycType() == null ? "" : " type " + kase.kycType())
                    + " ref "
                    + verdict.reference()));
    if (verdict.status().isDecision()) {
      decide(kase, verdict.status(), verdict.reason(), kase.provider());
    }
    return kase;
  }

  /** Answers true when the decision changed the case (false: it already carried it). */
  public boolean decide(long caseId, KycStatus decision, String reason, String decidedBy) {
    return decide(find(caseId), decision, reason, decidedBy);
  }

  private boolean decide(KycCase kase, KycStatus decision, String reason, String decidedBy) {
    boolean changed = kase.decide(decision, reason, clock.instant());
    if (changed) {
      audit.record(
          event(kase, AuditAction.KYC_DECISION, decidedBy)
              .detail(
                  "case "
                      + kase.id()
                      + " "
                      + decision
                      + (kase.reason() == null ? "" : ": " + kase.reason())));
    }
    return changed;
  }

  private AuditEvent event(KycCase kase, AuditAction action, String actor) {
    User user = em.find(User.class, kase.userId());
    return AuditEvent.success(clock.instant(), actor, action)
        .user(kase.userId(), user == null ? null : user.ctidUserId());
  }
}
