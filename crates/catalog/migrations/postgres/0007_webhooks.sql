-- Push webhooks: one secret per publisher, and the deliveries already acted on.

-- Secrets are derived from the server's webhook key, the publisher and the generation; only
-- the generation and the secret's SHA-256 (hex) are stored. Rotating revokes the live row and
-- adds the next generation.
CREATE TABLE webhook_secrets (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    generation      BIGINT NOT NULL,
    secret_hash     TEXT NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    revoked_at      BIGINT,
    UNIQUE (organisation_id, generation)
);
CREATE UNIQUE INDEX webhook_secrets_live ON webhook_secrets (organisation_id)
    WHERE revoked_at IS NULL;

-- Delivery ids (forge-prefixed) seen lately: a replay is answered without a recrawl.
CREATE TABLE webhook_deliveries (
    delivery_id TEXT PRIMARY KEY,
    received_at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);
