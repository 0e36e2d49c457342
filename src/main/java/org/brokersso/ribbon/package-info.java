/**
 * The broker's ribbons (§5.7): InApp controls defined in configuration ({@code ribbon.list}) and
 * pushed to each trader with call 3.9 after signup, again when a push failed, when the trader's KYC
 * is decided, and when an operator asks.
 */
package org.brokersso.ribbon;
