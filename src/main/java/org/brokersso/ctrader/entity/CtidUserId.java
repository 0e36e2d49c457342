package org.brokersso.ctrader.entity;

/** Answer of calls 3.2 and 3.11: a cTrader user id (cTID). */
public record CtidUserId(Long userId) {}
