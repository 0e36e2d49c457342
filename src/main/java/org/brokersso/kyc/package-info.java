/**
 * KYC of the broker's traders (§5.2 KYC screen, §6.6 KYC variant): applications, the {@code
 * KycProvider} boundary that decides them, and an operator's decision. Done entirely in the client
 * area; no cTrader call (6.14: works in both identity modes).
 */
package org.brokersso.kyc;
