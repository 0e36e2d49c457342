package org.brokersso.ctrader.entity;

/** {@code accessRights} of a trader (spec §4). */
public enum AccessRights {
  FULL_ACCESS,
  CLOSE_ONLY,
  NO_TRADING,
  NO_LOGIN
}
