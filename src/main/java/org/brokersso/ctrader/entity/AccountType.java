package org.brokersso.ctrader.entity;

/** {@code accountType} of a trader (spec §4). */
public enum AccountType {
  HEDGED,
  NETTED,
  SPREAD_BETTING
}
