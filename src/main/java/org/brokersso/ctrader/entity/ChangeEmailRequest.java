package org.brokersso.ctrader.entity;

/** Body of call 3.10. */
public record ChangeEmailRequest(long userId, String newEmail, String brokerCrmName) {}
