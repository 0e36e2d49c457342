package org.brokersso.kyc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.brokersso.kyc.entity.KycAlreadyDecided;
import org.brokersso.kyc.entity.KycApplication;
import org.brokersso.kyc.entity.KycCase;
import org.brokersso.kyc.entity.KycDecided;
import org.brokersso.kyc.entity.KycStatus;
import org.brokersso.kyc.entity.KycVerdict;
import org.brokersso.kyc.entity.NoSuchKycCase;
import org.brokersso.kyc.entity.SandboxDecision;

/**
 * What the KYC screen, the funding screens and operators ask about a trader's KYC (§5.2, §6.6).
 * User ids are the broker's ({@code broker_user.id}).
 *
 * <p>Guarantees: a trader has at most one pending case, and a pending case that the provider
 * accepted is never sent again; an approved trader is not asked to apply again. Every submission
 * and decision is in the audit trail, and each decision fires {@link KycDecided} once it is
 * committed.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // no database transaction held across a call to the provider
public class KycChecks {

  private static final Logger LOG = Logger.getLogger(KycChecks.class.getName());

  /** The most cases an operator's list shows at once. */
  static final int LIST_LIMIT = 500;

  @Inject KycCases cases;
  @Inject KycProvider provider;
  @Inject Event<KycDecided> decided;

  public KycStatus statusOf(long userId) {
    return caseOf(userId).map(KycCase::status).orElse(KycStatus.NOT_STARTED);
  }

  /**
   * The trader's newest case (what the screen shows: status, reason, dates); empty: NOT_STARTED.
   */
  public Optional<KycCase> caseOf(long userId) {
    return cases.newestOf(userId);
  }

  public boolean isApproved(long userId) {
    return statusOf(userId) == KycStatus.APPROVED;
  }

  /**
   * Submits the trader's application, or answers the pending or approved case they already have.
   * {@code kycType} is the screen's optional parameter (kept as {@link KycCase#kycType}); the
   * {@code sandboxDecision} is what the sandbox provider will decide, ignored by live providers
   * (null: leave it pending). A provider that fails leaves the case pending, and the next call
   * sends it again.
   */
  public KycCase submit(long userId, String kycType, SandboxDecision sandboxDecision) {
    KycCase kase = cases.open(userId, kycType, provider.name());
    if (!kase.awaitsProvider()) {
      return kase;
    }
    KycVerdict verdict;
    try {
      verdict =
          provider.submit(new KycApplication(kase.id(), userId, kase.kycType(), sandboxDecision));
    } catch (KycProviderFailure failure) {
      LOG.warning(
          () ->
              "KYC case "
                  + kase.id()
                  + " of user "
                  + userId
                  + " not accepted by "
                  + provider.name()
                  + " yet: "
                  + failure.getMessage());
      return kase;
    }
    KycCase sent = cases.sent(kase.id(), verdict);
    announce(sent, verdict.status().isDecision());
    return sent;
  }

  /** Asks the provider about the trader's pending case and records its decision, if it made one. */
  public Optional<KycCase> refresh(long userId) {
    Optional<KycCase> newest = caseOf(userId);
    if (newest.isEmpty()
        || newest.get().status() != KycStatus.PENDING
        || newest.get().awaitsProvider()) {
      return newest;
    }
    KycCase kase = newest.get();
    KycVerdict verdict = provider.decisionOn(kase.providerReference());
    if (!verdict.status().isDecision()) {
      return newest;
    }
    boolean changed = cases.decide(kase.id(), verdict.status(), verdict.reason(), provider.name());
    KycCase decidedCase = cases.find(kase.id());
    announce(decidedCase, changed);
    return Optional.of(decidedCase);
  }

  /**
   * An operator's decision. Repeating it is harmless.
   *
   * @throws NoSuchKycCase for an unknown case
   * @throws KycAlreadyDecided when the case was decided the other way
   */
  public KycCase decide(long caseId, boolean approve, String reason) {
    boolean changed =
        cases.decide(caseId, approve ? KycStatus.APPROVED : KycStatus.REJECTED, reason, "operator");
    KycCase kase = cases.find(caseId);
    announce(kase, changed);
    return kase;
  }

  /** Cases waiting for a decision, oldest first (at most 500). */
  public List<KycCase> pending() {
    return cases.withStatus(KycStatus.PENDING, LIST_LIMIT);
  }

  private void announce(KycCase kase, boolean changed) {
    if (changed) {
      decided.fire(new KycDecided(kase.userId(), kase.id(), kase.status()));
    }
  }
}
