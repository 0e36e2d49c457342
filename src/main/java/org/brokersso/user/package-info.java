/**
 * Broker-side users and their link to a cTrader user ({@code userId}, created by call 3.2), and the
 * identity screens (§5.4, §6.1-6.3): the one login/signup URL, password reset, passwords (PBKDF2,
 * bounded), login throttling, partner attribution (call 3.6) and the welcome e-mail.
 */
package org.brokersso.user;
