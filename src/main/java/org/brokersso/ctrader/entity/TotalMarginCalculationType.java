package org.brokersso.ctrader.entity;

/** {@code totalMarginCalculationType} of a trader (spec §4). */
public enum TotalMarginCalculationType {
  MAX,
  SUM,
  NET
}
