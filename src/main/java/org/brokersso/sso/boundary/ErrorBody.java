package org.brokersso.sso.boundary;

/** The contract's error body (spec §4.2): HTTP reason phrase, human-readable message, code. */
public record ErrorBody(String error, String message, String code) {}
