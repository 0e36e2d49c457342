/**
 * The identity screens that take a trader from the login page to cTrader (§5.2, §6.1–6.3, §6.7):
 * login and signup at one address, account creation, password reset by e-mail, and the hand-over
 * that ends every flow with a fresh OT token on the success URL. It orchestrates the capabilities
 * below it (user, sso, account, ribbon, inapp) and owns no table of its own.
 */
package org.brokersso.signin;
