-- Scheduled jobs (jobs/): which instance runs each job in the current period. Every instance ticks;
-- the one whose conditional UPDATE takes the row once lease_until has passed (or whose INSERT
-- creates it, the first time) runs the job, the others skip the period. lease_until stays set after
-- the run, so nobody repeats the job before the period is over. Times are epoch milliseconds.
CREATE TABLE job_lease (
  job_name         VARCHAR(64) NOT NULL PRIMARY KEY,
  holder           VARCHAR(128) NOT NULL,
  lease_until      BIGINT NOT NULL,
  last_started_at  BIGINT NOT NULL,
  last_finished_at BIGINT,
  last_outcome     VARCHAR(255)
);
