/**
 * The client area a logged-in trader uses in an ordinary browser (§5.2, §6.5, §6.9, §6.12): their
 * accounts, a new account, password and e-mail changes (call 3.10), the partner programme (§6.8),
 * embedded cTrader Web (§5.6) and logout (call 3.12).
 */
package org.brokersso.client;
