/**
 * The InApp screens' entrance (§6.6): cTrader opens a screen with an OT token from call 4.4 and,
 * for money, the trading account; the gate uses the token up, checks the account is the trader's,
 * and keeps a short screen session. The screens themselves live with their capabilities ({@code
 * funding}, {@code kyc}, {@code account}); generic action and chat are here.
 */
package org.brokersso.inapp;
