/**
 * The calls cTrader's backend makes on the CRM (Spotware section 4): 4.1 crmApiToken, 4.2 OT token
 * exchange, 4.3 access token verification, 4.4 OT token for InApp screens, 4.5 logout; and the
 * tokens behind them, stored only as hashes.
 */
package org.brokersso.sso;
