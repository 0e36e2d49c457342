package org.brokersso.account.entity;

/**
 * What the user filled in that cTrader needs (call 3.2) and whether the agreement was accepted
 * (3.13).
 */
public record Applicant(String firstName, String preferredLanguage, boolean acceptsAgreement) {}
