package org.brokersso.user.entity;

/**
 * The trader logged out of the client area: every credential that would log them back in without
 * their password must end now. Fired synchronously inside the transaction that records the logout,
 * so the credentials end in the same commit; the capabilities that issue such credentials (sso's
 * access and inApp tokens) observe it, which keeps {@code user} free of any dependency on them.
 */
public record SignedOutEverywhere(User user) {}
