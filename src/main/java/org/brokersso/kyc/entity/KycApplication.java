package org.brokersso.kyc.entity;

/**
 * What a KYC provider is given. {@code caseId} is ours and the same on every attempt, so a provider
 * can recognise a repeated submission. {@code sandboxDecision} is honoured by the sandbox provider
 * only (null: leave it pending).
 */
public record KycApplication(
    long caseId, long userId, String kycType, SandboxDecision sandboxDecision) {}
