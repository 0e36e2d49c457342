-- KYC (§5.2, §6.6 KYC variant): one row per application a trader submitted. No row means
-- NOT_STARTED; the newest row is the trader's status. A PENDING case without provider_reference was
-- recorded but not yet accepted by the KYC provider, and is sent again on the next submission.
CREATE TABLE kyc_case (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id            BIGINT NOT NULL,
  status             VARCHAR(16) NOT NULL,
  kyc_type           VARCHAR(64),
  provider           VARCHAR(32) NOT NULL,
  provider_reference VARCHAR(128),
  submitted_at       BIGINT NOT NULL,
  decided_at         BIGINT,
  reason             VARCHAR(255),
  CONSTRAINT fk_kyc_case_user FOREIGN KEY (user_id) REFERENCES broker_user (id)
);
CREATE INDEX ix_kyc_case_user ON kyc_case (user_id, id);
CREATE INDEX ix_kyc_case_status ON kyc_case (status, id);

-- Ribbons (§5.7, call 3.9), in this script too so that the two parts of issue 5 take one version:
-- whether a trader's ribbons in cTrader may differ from the configured ones. pending is set when a
-- push failed or an operator asked for a re-push of everybody; a login retries it. No row: never pushed.
CREATE TABLE ribbon_publication (
  user_id      BIGINT NOT NULL PRIMARY KEY,
  pending      BOOLEAN NOT NULL,
  attempted_at BIGINT,
  published_at BIGINT,
  last_error   VARCHAR(255),
  CONSTRAINT fk_ribbon_publication_user FOREIGN KEY (user_id) REFERENCES broker_user (id)
);
CREATE INDEX ix_ribbon_publication_pending ON ribbon_publication (pending, user_id);
