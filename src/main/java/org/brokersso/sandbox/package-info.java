/**
 * The in-process, clearly labelled stand-in for cTrader, active only while {@code ctrader.url} is
 * unset: it answers calls 3.2–3.13 from its own {@code sandbox_*} tables like the real backend, and
 * stands in for a login screen so the token API can be tried with curl.
 */
package org.brokersso.sandbox;
