-- Publishers' declarations through the API: what cannot be detected in a repository (SDG
-- relevance, privacy and applicable laws, do no harm...) is declared by the publisher, an
-- organisation, with a token issued to it.

-- Tokens. Only the SHA-256 (hex) of a token is stored, never the token. A revoked token is
-- kept: the declarations made with it name it.
CREATE TABLE publisher_tokens (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    label           TEXT,
    token_hash      TEXT NOT NULL UNIQUE,
    created_at      INTEGER NOT NULL,
    revoked_at      INTEGER
);
CREATE INDEX publisher_tokens_organisation ON publisher_tokens (organisation_id, id);

-- Every declaration and every withdrawal, append-only, newest last. The current declaration
-- of an entry's item is the item's latest row when that row declares (`withdrawal` = 0) and
-- was made by the entry's organisation. A withdrawal row has no text.
CREATE TABLE declarations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    software_id     TEXT NOT NULL REFERENCES software (id),
    item            TEXT NOT NULL,
    withdrawal      INTEGER NOT NULL CHECK (withdrawal IN (0, 1)),
    declared_by     TEXT,
    role            TEXT,
    statement       TEXT,
    url             TEXT,
    not_applicable  INTEGER NOT NULL DEFAULT 0,
    organisation_id TEXT NOT NULL,
    token_id        INTEGER NOT NULL REFERENCES publisher_tokens (id),
    declared_at     INTEGER NOT NULL,
    CHECK (withdrawal = 1 OR declared_by IS NOT NULL)
);
CREATE INDEX declarations_software ON declarations (software_id, item, id);
CREATE INDEX declarations_token ON declarations (token_id, id);
