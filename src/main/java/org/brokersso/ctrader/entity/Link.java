package org.brokersso.ctrader.entity;

/** Answer of call 3.4: the id of the user–account link, which ribbons and referrals address. */
public record Link(Long ctidTraderAccountId) {}
