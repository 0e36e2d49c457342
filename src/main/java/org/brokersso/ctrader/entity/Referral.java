package org.brokersso.ctrader.entity;

/** Answer of call 3.7. {@code ctidTraderAccountId} is set when the partner id is on an account. */
public record Referral(Long userId, Long ctidTraderAccountId, String partnerId) {}
