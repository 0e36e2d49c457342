-- What the login/signup screens keep about a trader: the password (PBKDF2, self-describing format),
-- the preferred language (sent in 3.2, used for e-mails), and partner attribution: referred_by is the
-- partnerId the signup URL carried, applied to cTrader with 3.6 once the cTID user exists
-- (referral_applied_at); partner_code is the trader's own partnerId once they became a partner.
ALTER TABLE broker_user ADD COLUMN password_hash VARCHAR(160);
ALTER TABLE broker_user ADD COLUMN first_name VARCHAR(128);
ALTER TABLE broker_user ADD COLUMN preferred_language VARCHAR(8);
ALTER TABLE broker_user ADD COLUMN referred_by VARCHAR(64);
ALTER TABLE broker_user ADD COLUMN referral_applied_at BIGINT;
ALTER TABLE broker_user ADD COLUMN partner_code VARCHAR(32);
ALTER TABLE broker_user ADD CONSTRAINT uk_broker_user_partner_code UNIQUE (partner_code);
CREATE INDEX ix_broker_user_referred_by ON broker_user (referred_by);

-- Password-reset links: single use, short-lived, stored as SHA-256 like every other token.
CREATE TABLE password_reset_token (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash  VARCHAR(64) NOT NULL,
  user_id     BIGINT NOT NULL,
  issued_at   BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  consumed_at BIGINT,
  CONSTRAINT uk_password_reset_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_password_reset_token_user FOREIGN KEY (user_id) REFERENCES broker_user (id)
);

-- The balance the CRM knows of each trading account, in cTrader's integer units (10^money_digits):
-- the one 3.3 answered with, then moved by every 3.5 the CRM makes. Shown in the client area.
ALTER TABLE trader_account ADD COLUMN balance BIGINT;
