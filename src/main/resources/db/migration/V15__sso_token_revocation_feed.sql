-- Call 4.3 answers from a per-instance cache of verified access tokens (sso/control/
-- VerifiedAccessTokens). What keeps every instance's cache right after a revocation:
--
-- token_revocation: one row per revocation of a user's access tokens (4.5 logout, password change or
-- reset, client-area logout, one-time token replay), written in the revoking transaction. Every
-- instance polls the rows of the last minute and drops the user's cached tokens; an instance whose
-- last poll is older than sso.access-token.cache.staleness answers from the database instead.
CREATE TABLE token_revocation (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX ix_token_revocation_recorded_at ON token_revocation (recorded_at);

-- token_cache_peer: the instances that answer from such a cache, with when each last polled (epoch
-- milliseconds). A revocation returns only after the staleness bound when another instance polled
-- lately, so no instance answers 4.3 from a cache that has not seen it.
-- Rows of instances that stopped without leaving are purged by the purge job (jobs/PurgeRule).
CREATE TABLE token_cache_peer (
  id       BIGINT AUTO_INCREMENT PRIMARY KEY,
  instance VARCHAR(128) NOT NULL,
  seen_at  BIGINT NOT NULL,
  CONSTRAINT uk_token_cache_peer_instance UNIQUE (instance)
);
