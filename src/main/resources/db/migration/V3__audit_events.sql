-- Append-only trail: who did what, when, with which outcome. Never a token or a password;
-- token_hash is the stored SHA-256, which identifies a token without revealing it.
CREATE TABLE audit_event (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at  BIGINT NOT NULL,
  actor        VARCHAR(64) NOT NULL,
  action       VARCHAR(48) NOT NULL,
  outcome      VARCHAR(16) NOT NULL,
  user_id      BIGINT,
  ctid_user_id BIGINT,
  token_hash   VARCHAR(64),
  detail       VARCHAR(255)
);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_token_hash ON audit_event (token_hash);
