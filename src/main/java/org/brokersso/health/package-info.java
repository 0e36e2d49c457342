/**
 * MicroProfile Health readiness: the database, and which cTrader (live or sandbox) the product
 * talks to.
 */
package org.brokersso.health;
