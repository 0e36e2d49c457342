-- The onboarding saga (3.2 -> 3.13 -> 3.3 -> 3.4), recorded step by step so that a failed step can
-- be retried without a second cTrader user or trading account. The user-level steps are kept on
-- broker_user (ctid_user_id since V1, the agreement here); the account-level steps on trader_account.
ALTER TABLE broker_user ADD COLUMN agreement_accepted_at BIGINT;

-- One row per trading account the broker asked for, from the request until it is linked.
-- trader_requested_at is set just before 3.3 is sent and cleared when cTrader refused it: set with
-- no trader_login means 3.3 may have opened an account whose answer was lost (in doubt).
CREATE TABLE trader_account (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id                BIGINT NOT NULL,
  stage                  VARCHAR(16) NOT NULL,
  first_name             VARCHAR(128),
  preferred_language     VARCHAR(8),
  accept_agreement       BOOLEAN NOT NULL,
  deposit_currency       VARCHAR(8) NOT NULL,
  group_name             VARCHAR(64) NOT NULL,
  leverage_in_cents      INT NOT NULL,
  account_type           VARCHAR(16) NOT NULL,
  trader_password_hash   VARCHAR(32),
  trader_requested_at    BIGINT,
  trader_login           BIGINT,
  money_digits           INT,
  ctid_trader_account_id BIGINT,
  attempts               INT NOT NULL,
  last_error             VARCHAR(255),
  created_at             BIGINT NOT NULL,
  updated_at             BIGINT NOT NULL,
  CONSTRAINT uk_trader_account_login UNIQUE (trader_login),
  CONSTRAINT uk_trader_account_ctid_account UNIQUE (ctid_trader_account_id),
  CONSTRAINT fk_trader_account_user FOREIGN KEY (user_id) REFERENCES broker_user (id)
);
CREATE INDEX ix_trader_account_user ON trader_account (user_id, stage);
