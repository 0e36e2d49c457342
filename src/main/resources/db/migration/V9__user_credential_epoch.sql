-- Which generation of the trader's credentials is current. A screen session records it at sign-in
-- and the client area compares it on every request (one primary-key read, so it holds across
-- instances); a password change or reset, a client-area logout and call 4.5 raise it, which ends
-- every screen session signed in before.
ALTER TABLE broker_user ADD COLUMN credential_epoch BIGINT DEFAULT 0 NOT NULL;
