-- One row per deposit or withdrawal, from the trader's request to its end (funding/entity/MoneyMovement).
-- Each step is committed before the next call goes out (to the payment provider or cTrader's 3.5), so
-- an interrupted movement can be finished or reversed. request_key is the idempotency key the screen
-- sends: a double click or a repeated post finds the same row. amount is exact DECIMAL, as typed
-- (up to the 8 decimals 3.5's preciseAmount allows); balance_history_id is 3.5's answer for the
-- deposit or debit, reversal_history_id for the re-credit of a withdrawal whose payout failed.
CREATE TABLE money_movement (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id             BIGINT NOT NULL,
  trader_login        BIGINT NOT NULL,
  kind                VARCHAR(16) NOT NULL,
  amount              DECIMAL(19,8) NOT NULL,
  currency            VARCHAR(8) NOT NULL,
  state               VARCHAR(24) NOT NULL,
  request_key         VARCHAR(64) NOT NULL,
  payment_reference   VARCHAR(128),
  balance_history_id  BIGINT,
  reversal_history_id BIGINT,
  last_error          VARCHAR(255),
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL,
  CONSTRAINT uk_money_movement_request_key UNIQUE (request_key),
  CONSTRAINT fk_money_movement_user FOREIGN KEY (user_id) REFERENCES broker_user (id)
);
CREATE INDEX ix_money_movement_user ON money_movement (user_id, id);
CREATE INDEX ix_money_movement_state ON money_movement (state);
