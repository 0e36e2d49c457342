-- The purge job (jobs/control/Purge) deletes token rows some time after they expired, a bounded
-- batch at a time: these indexes let it find them without reading whole tables. audit_event is
-- already indexed on occurred_at (V3).
CREATE INDEX ix_one_time_token_expires_at ON one_time_token (expires_at);
CREATE INDEX ix_access_token_expires_at ON access_token (expires_at);
CREATE INDEX ix_inapp_token_expires_at ON inapp_token (expires_at);
CREATE INDEX ix_crm_api_token_expires_at ON crm_api_token (expires_at);
CREATE INDEX ix_password_reset_token_expires_at ON password_reset_token (expires_at);
