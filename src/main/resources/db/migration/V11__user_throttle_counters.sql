-- The counters of the login throttle, the signup-mail limit and the call 4.1 back-off, in the
-- database that every instance shares, so that a cluster allows no more attempts than one instance
-- (issue 13). counter_key is the SHA-256 (hex) of the counter's scope, e-mail and client address,
-- so the table holds no address in clear. failures = 0 marks a row created but never counted.
-- forget_at: when the counter no longer matters; rows past it are deleted (ThrottleCounters).
CREATE TABLE throttle_counter (
  counter_key VARCHAR(64) NOT NULL PRIMARY KEY,
  failures    INT NOT NULL,
  first_at    BIGINT NOT NULL,
  last_at     BIGINT NOT NULL,
  forget_at   BIGINT NOT NULL
);
CREATE INDEX ix_throttle_counter_forget_at ON throttle_counter (forget_at);
