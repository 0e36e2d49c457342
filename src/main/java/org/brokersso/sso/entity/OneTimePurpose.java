package org.brokersso.sso.entity;

/**
 * What an OT token was minted for, and so where it may be redeemed: a login token by call 4.2, an
 * InApp token only by the InApp screen it was minted for. Also recorded for the audit trail.
 */
public enum OneTimePurpose {
  /** Handed over on the success URL after login or signup (flows 6.1, 6.2). */
  LOGIN,
  /** Minted by call 4.4 for an InApp screen. */
  INAPP,
  /** Put in the link that opens embedded cTrader Web (flow 6.5). */
  WEB_EMBED;

  /** Whether call 4.2 may redeem the token: it signs its holder in to cTrader. */
  public boolean logsIn() {
    return this != INAPP;
  }
}
