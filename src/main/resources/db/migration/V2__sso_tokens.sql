-- Tokens of calls 4.1-4.5. Only SHA-256 hashes are stored (hex, 64 chars); times are epoch
-- milliseconds because MySQL-compatible servers may drop fractional seconds of DATETIME.
CREATE TABLE crm_api_token (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL,
  issued_at  BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  CONSTRAINT uk_crm_api_token_hash UNIQUE (token_hash)
);

CREATE TABLE one_time_token (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash     VARCHAR(64) NOT NULL,
  user_id        BIGINT NOT NULL,
  purpose        VARCHAR(16) NOT NULL,
  keep_logged_in BOOLEAN NOT NULL,
  issued_at      BIGINT NOT NULL,
  expires_at     BIGINT NOT NULL,
  consumed_at    BIGINT,
  CONSTRAINT uk_one_time_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_one_time_token_user FOREIGN KEY (user_id) REFERENCES broker_user (id)
);

CREATE TABLE access_token (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash        VARCHAR(64) NOT NULL,
  user_id           BIGINT NOT NULL,
  one_time_token_id BIGINT NOT NULL,
  issued_at         BIGINT NOT NULL,
  expires_at        BIGINT NOT NULL,
  revoked_at        BIGINT,
  CONSTRAINT uk_access_token_hash UNIQUE (token_hash),
  CONSTRAINT uk_access_token_one_time_token UNIQUE (one_time_token_id),
  CONSTRAINT fk_access_token_user FOREIGN KEY (user_id) REFERENCES broker_user (id),
  CONSTRAINT fk_access_token_one_time_token FOREIGN KEY (one_time_token_id) REFERENCES one_time_token (id)
);

CREATE TABLE inapp_token (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash        VARCHAR(64) NOT NULL,
  user_id           BIGINT NOT NULL,
  one_time_token_id BIGINT,
  access_token_id   BIGINT,
  issued_at         BIGINT NOT NULL,
  expires_at        BIGINT NOT NULL,
  revoked_at        BIGINT,
  CONSTRAINT uk_inapp_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_inapp_token_user FOREIGN KEY (user_id) REFERENCES broker_user (id),
  CONSTRAINT fk_inapp_token_one_time_token FOREIGN KEY (one_time_token_id) REFERENCES one_time_token (id),
  CONSTRAINT fk_inapp_token_access_token FOREIGN KEY (access_token_id) REFERENCES access_token (id)
);
CREATE INDEX ix_inapp_token_user ON inapp_token (user_id, revoked_at);
