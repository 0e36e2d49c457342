/** The in-process, clearly labelled stand-in for cTrader, active only while {@code ctrader.url} is unset. */
package org.brokersso.sandbox;
