package org.brokersso.ctrader.entity;

/** Body of call 3.6: a partner id on a user ({@code userId}) or on one linked account. */
public record ReferralRequest(
    String brokerCrmName, String partnerId, Long userId, Long ctidTraderAccountId) {}
