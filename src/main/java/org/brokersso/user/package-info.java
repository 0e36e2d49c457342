/**
 * Broker-side users and their link to a cTrader user ({@code userId}, created by call 3.2): e-mail
 * addresses, passwords (PBKDF2, bounded), the login check and its throttling, password-reset links,
 * profile changes, partner attribution (call 3.6), and the signed-in trader of a screen session.
 * The screens that use them are in {@code signin} and {@code client}. Ending credentials that other
 * capabilities issued happens through events ({@code entity.SignedOutEverywhere}), so this package
 * never depends on them.
 */
package org.brokersso.user;
