package org.brokersso.metrics.entity;

import java.util.List;

/**
 * Every metric the product serves, once: its Prometheus name, kind, help text and label names. The
 * catalogue in docs/operations-jobs-and-metrics.md lists the same rows.
 */
public enum Meter {
  CONTRACT_CALLS(
      "brokersso_contract_calls_total",
      Kind.COUNTER,
      "Calls 4.1-4.5 answered, by call and outcome (ok or the contract's error code)",
      "call",
      "outcome"),
  LOGINS(
      "brokersso_logins_total",
      Kind.COUNTER,
      "Login form posts, by outcome (ok, wrong, throttled, busy)",
      "outcome"),
  SIGNUPS(
      "brokersso_signups_total",
      Kind.COUNTER,
      "Signups, by outcome (started: code mailed; confirmed; refused: wrong or late code)",
      "outcome"),
  CTRADER_CALLS(
      "brokersso_ctrader_call_seconds",
      Kind.HISTOGRAM,
      "Calls to cTrader's backend (3.1-3.13), by call and outcome (ok, rejected, rate_limited,"
          + " unreachable), with their latency",
      "call",
      "outcome"),
  ACCESS_TOKEN_CACHE(
      "brokersso_access_token_cache_total",
      Kind.COUNTER,
      "Calls 4.3 by where the access token was found (hit: this instance's memory; miss: the"
          + " database)",
      "outcome"),
  THROTTLED(
      "brokersso_throttled_total",
      Kind.COUNTER,
      "Attempts refused unchecked by a throttle (login, crm_api_token)",
      "throttle"),
  JOB_RUNS(
      "brokersso_job_runs_total",
      Kind.COUNTER,
      "Scheduled job ticks, by job and outcome (ran, skipped: another instance holds the lease,"
          + " failed)",
      "job",
      "outcome"),
  PURGED_ROWS(
      "brokersso_purged_rows_total",
      Kind.COUNTER,
      "Rows deleted by the purge job, by table",
      "table"),
  RETRIED(
      "brokersso_retried_total",
      Kind.COUNTER,
      "Pending work the retry job took up again, by kind (ribbons, partner_attribution)",
      "kind"),
  IN_DOUBT(
      "brokersso_items_unfinished",
      Kind.GAUGE,
      "Money movements and account openings not finished (read from the database at each scrape),"
          + " by kind and whether they are in doubt",
      "kind",
      "in_doubt");

  /** How Prometheus reads the samples. */
  public enum Kind {
    COUNTER,
    GAUGE,
    HISTOGRAM
  }

  private final String metricName;
  private final Kind kind;
  private final String help;
  private final List<String> labels;

  Meter(String metricName, Kind kind, String help, String... labels) {
    this.metricName = metricName;
    this.kind = kind;
    this.help = help;
    this.labels = List.of(labels);
  }

  public String metricName() {
    return metricName;
  }

  public Kind kind() {
    return kind;
  }

  public String help() {
    return help;
  }

  public List<String> labels() {
    return labels;
  }
}
