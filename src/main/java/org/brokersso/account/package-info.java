/**
 * Trading accounts and the onboarding saga: create the cTrader user (3.2, or find it with 3.11),
 * confirm the agreement (3.13), open the trading account (3.3), link it (3.4), each step recorded
 * so a failure can be retried without a second cTrader user or account; and the welcome e-mail once
 * the account exists. The account-creation screen that runs it is in {@code signin}.
 */
package org.brokersso.account;
