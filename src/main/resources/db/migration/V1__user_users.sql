-- Broker-side users. ctid_user_id is cTrader's userId, known once call 3.2 has created the cTID user.
CREATE TABLE broker_user (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  ctid_user_id BIGINT,
  email        VARCHAR(254),
  created_at   BIGINT NOT NULL,
  CONSTRAINT uk_broker_user_ctid_user_id UNIQUE (ctid_user_id),
  CONSTRAINT uk_broker_user_email UNIQUE (email)
);
