/** Broker-side users and their link to a cTrader user ({@code userId}, created by call 3.2). */
package org.brokersso.user;
