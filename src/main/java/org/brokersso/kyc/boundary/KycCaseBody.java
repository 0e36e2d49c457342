package org.brokersso.kyc.boundary;

import java.time.Instant;
import org.brokersso.kyc.entity.KycCase;

/** A case as the operator endpoints answer it; times as ISO-8601 instants, user ids both ways. */
public record KycCaseBody(
    long caseId,
    long userId,
    Long ctidUserId,
    String status,
    String kycType,
    String provider,
    String providerReference,
    String submittedAt,
    String decidedAt,
    String reason) {

  static KycCaseBody of(KycCase kase, Long ctidUserId) {
    return new KycCaseBody(
        kase.id(),
        kase.userId(),
        ctidUserId,
        kase.status().name(),
        kase.kycType(),
        kase.provider(),
        kase.providerReference(),
        kase.submittedAt().toString(),
        kase.decidedAt().map(Instant::toString).orElse(null),
        kase.reason());
  }
}
