/**
 * What a broker's monitoring scrapes: counters, latencies and gauges the product records itself,
 * served in Prometheus's text format at {@code /operator/metrics} (the same on Payara and WildFly;
 * see docs/operations-jobs-and-metrics.md).
 */
package org.brokersso.metrics;
