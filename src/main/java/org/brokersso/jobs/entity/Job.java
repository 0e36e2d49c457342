package org.brokersso.jobs.entity;

/** The scheduled jobs, by the name their lease row carries in {@code job_lease}. */
public enum Job {
  /** Deletes token and audit rows past their retention ({@code jobs.purge.*}). */
  PURGE("purge"),
  /** Takes up ribbon pushes and partner attributions that cTrader failed ({@code jobs.retry.*}). */
  RETRY("retry"),
  /** Logs and counts money movements and account openings that are not finished. */
  REPORT("report");

  private final String leaseName;

  Job(String leaseName) {
    this.leaseName = leaseName;
  }

  public String leaseName() {
    return leaseName;
  }
}
