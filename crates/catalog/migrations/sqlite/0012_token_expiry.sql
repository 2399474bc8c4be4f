-- Publishers' tokens expire: a token authenticates until `expires_at` (Unix seconds). Tokens
-- issued before this migration have none and live until revoked.
ALTER TABLE publisher_tokens ADD COLUMN expires_at INTEGER;
