/**
 * Maintenance that runs once per cluster: scheduled jobs on the runtime's managed scheduled
 * executor, each period run by the one instance that takes its lease in the shared database (table
 * {@code job_lease}): purge by retention, retry of deferred ribbon pushes (3.9) and partner
 * attributions (3.6), and the report of unfinished money movements and account openings.
 */
package org.brokersso.jobs;
