/**
 * Append-only trail of security- and money-relevant events (token issue, exchange, refusal,
 * revocation).
 */
package org.brokersso.audit;
