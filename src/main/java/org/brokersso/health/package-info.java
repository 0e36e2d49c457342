/**
 * MicroProfile Health readiness: the database, and which cTrader (live or sandbox) the product
 * talks to, and DOWN once the server is stopping.
 */
package org.brokersso.health;
