package org.brokersso.ribbon.entity;

/** How an attempt to push one trader's ribbons ended. */
public enum Publication {
  /** cTrader holds the trader's current set. */
  PUBLISHED,
  /** cTrader refused or did not answer; the trader stays pending and a later login tries again. */
  FAILED,
  /** The trader has no cTrader userId yet; pending until they have one. */
  NOT_IN_CTRADER,
  /** Nothing to do: the last push succeeded and nothing asked for another. */
  UP_TO_DATE,
  /** {@code ribbon.enabled=false}: the product does not manage ribbons. */
  DISABLED
}
