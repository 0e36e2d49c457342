package org.brokersso.kyc.entity;

/**
 * CDI event: a trader's case was approved or rejected (and committed), e.g. to refresh their
 * ribbons.
 */
public record KycDecided(long userId, long caseId, KycStatus status) {}
