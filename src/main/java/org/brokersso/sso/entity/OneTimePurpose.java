package org.brokersso.sso.entity;

/** What an OT token was minted for; recorded for the audit trail and for support. */
public enum OneTimePurpose {
  /** Handed over on the success URL after login or signup (flows 6.1, 6.2). */
  LOGIN,
  /** Minted by call 4.4 for an InApp screen. */
  INAPP,
  /** Put in the link that opens embedded cTrader Web (flow 6.5). */
  WEB_EMBED
}
