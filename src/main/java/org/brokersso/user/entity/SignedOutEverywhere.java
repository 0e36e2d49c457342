package org.brokersso.user.entity;

/**
 * Every credential that would let somebody in as the trader without their password must end now:
 * they logged out of the client area, or their password was changed or reset ({@code why}, for the
 * audit trail). Fired synchronously inside the transaction that records the change, so the
 * credentials end in the same commit; the capabilities that issue such credentials (sso's access
 * and inApp tokens) observe it, which keeps {@code user} free of any dependency on them.
 */
public record SignedOutEverywhere(User user, String why) {}
