package org.brokersso.ctrader.entity;

/** {@code limitedRiskMarginCalculationStrategy} of a trader (spec §4). */
public enum LimitedRiskMarginCalculationStrategy {
  ACCORDING_TO_LEVERAGE,
  ACCORDING_TO_GSL,
  ACCORDING_TO_GSL_AND_LEVERAGE
}
