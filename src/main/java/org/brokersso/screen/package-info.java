/**
 * What every screen shares (Spotware §5): the display and tracking parameters ({@code lang}, {@code
 * theme}, {@code source}, {@code eventName}, {@code utm_*}, {@code gclid}, {@code partnerId})
 * carried through multi-step flows, the languages offered, and the security headers and cookie
 * settings that let the screens live in cTrader's embedded browser or iframe.
 */
package org.brokersso.screen;
