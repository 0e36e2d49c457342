-- The sandbox's stand-in for cTrader's own state (used only while ctrader.url is unset). The ids
-- cTrader would issue (userId, login, ctidTraderAccountId, balanceHistoryId) are the identity
-- column plus a per-kind offset, so they look like cTrader's and never collide across nodes.
-- Money is stored scaled by 10^money_digits, as cTrader reports it; times are epoch milliseconds.
CREATE TABLE sandbox_ctid_user (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  broker_crm_name       VARCHAR(64) NOT NULL,
  email                 VARCHAR(254) NOT NULL,
  first_name            VARCHAR(128),
  nick_name             VARCHAR(128),
  preferred_language    VARCHAR(8),
  agreement_accepted_at BIGINT,
  logged_out_at         BIGINT,
  created_at            BIGINT NOT NULL,
  CONSTRAINT uk_sandbox_ctid_user_email UNIQUE (email)
);

CREATE TABLE sandbox_trader (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  broker_name       VARCHAR(64) NOT NULL,
  group_name        VARCHAR(64) NOT NULL,
  deposit_currency  VARCHAR(8) NOT NULL,
  money_digits      INT NOT NULL,
  balance           BIGINT NOT NULL,
  credit            BIGINT NOT NULL,
  leverage_in_cents INT NOT NULL,
  access_rights     VARCHAR(16) NOT NULL,
  account_type      VARCHAR(16) NOT NULL,
  password_hash     VARCHAR(32) NOT NULL,
  created_at        BIGINT NOT NULL
);

CREATE TABLE sandbox_link (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id          BIGINT NOT NULL,
  trader_id        BIGINT NOT NULL,
  environment_name VARCHAR(32) NOT NULL,
  created_at       BIGINT NOT NULL,
  CONSTRAINT uk_sandbox_link_trader UNIQUE (trader_id),
  CONSTRAINT fk_sandbox_link_user FOREIGN KEY (user_id) REFERENCES sandbox_ctid_user (id),
  CONSTRAINT fk_sandbox_link_trader FOREIGN KEY (trader_id) REFERENCES sandbox_trader (id)
);

CREATE TABLE sandbox_balance_change (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  trader_id   BIGINT NOT NULL,
  change_type VARCHAR(32) NOT NULL,
  amount      BIGINT NOT NULL,
  external_id VARCHAR(128),
  created_at  BIGINT NOT NULL,
  CONSTRAINT fk_sandbox_balance_change_trader FOREIGN KEY (trader_id) REFERENCES sandbox_trader (id)
);

-- link_id NULL: the partner is on the user; otherwise on that linked account.
CREATE TABLE sandbox_referral (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id    BIGINT NOT NULL,
  link_id    BIGINT,
  partner_id VARCHAR(128) NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT fk_sandbox_referral_user FOREIGN KEY (user_id) REFERENCES sandbox_ctid_user (id),
  CONSTRAINT fk_sandbox_referral_link FOREIGN KEY (link_id) REFERENCES sandbox_link (id)
);

CREATE TABLE sandbox_ribbon (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id                BIGINT NOT NULL,
  sort_order             INT NOT NULL,
  color                  VARCHAR(16) NOT NULL,
  title                  VARCHAR(255) NOT NULL,
  enabled                BOOLEAN NOT NULL,
  closable               BOOLEAN NOT NULL,
  url_external           VARCHAR(1024),
  url_in_app             VARCHAR(1024),
  broker_name            VARCHAR(64),
  ctid_trader_account_id VARCHAR(32),
  CONSTRAINT fk_sandbox_ribbon_user FOREIGN KEY (user_id) REFERENCES sandbox_ctid_user (id)
);
CREATE INDEX ix_sandbox_ribbon_user ON sandbox_ribbon (user_id);
