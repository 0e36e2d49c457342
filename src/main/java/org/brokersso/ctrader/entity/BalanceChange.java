package org.brokersso.ctrader.entity;

/** Answer of call 3.5: the balance-history entry, the platform's transaction id. */
public record BalanceChange(Long balanceHistoryId) {}
