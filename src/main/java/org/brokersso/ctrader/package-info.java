/**
 * The broker's calls to cTrader's backend (Spotware section 3: 3.1–3.13 and the in-app token redeem
 * call): the {@code CtraderBackend} boundary the product calls, its REST implementation with the
 * manager-token cache, and the wire bodies, named exactly as in ctrader-backend-api.md.
 */
package org.brokersso.ctrader;
