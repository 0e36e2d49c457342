/**
 * The in-process, clearly labelled stand-in for cTrader, active only while {@code ctrader.url} is
 * unset: it answers calls 3.2–3.13 from its own {@code sandbox_*} tables like the real backend, and
 * plays cTrader's other parts on a laptop: a login for curl ({@code /sandbox/login}), cTrader Web
 * in the client area's frame ({@code /sandbox/ctrader-web}), the app opening InApp screens ({@code
 * /sandbox/inapp}), a KYC submission ({@code /sandbox/kyc}) and the unsent mails ({@code
 * /sandbox/outbox}). Each answers 404 once a real cTrader is configured.
 */
package org.brokersso.sandbox;
