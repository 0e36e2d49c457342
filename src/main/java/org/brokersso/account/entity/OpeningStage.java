package org.brokersso.account.entity;

/** How far the opening of one trading account has come. */
public enum OpeningStage {
  /** Asked for; the cTrader user and agreement may still be missing, no trader yet. */
  REQUESTED,
  /** Call 3.3 opened the trader; it is not linked to the user yet. */
  TRADER_CREATED,
  /** Call 3.4 linked it: the account is usable. */
  LINKED
}
