-- Declarations made in the browser by a member of the publisher signed in (issue 16), besides
-- those made through the API with a token: a row names its token or its member (the e-mail
-- address), at least one. SQLite cannot drop a NOT NULL, so the table is rebuilt with the
-- same rows and ids (nothing references it).
CREATE TABLE declarations_new (
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
    token_id        INTEGER REFERENCES publisher_tokens (id),
    declared_at     INTEGER NOT NULL,
    member          TEXT,
    CHECK (withdrawal = 1 OR declared_by IS NOT NULL),
    CHECK (token_id IS NOT NULL OR member IS NOT NULL)
);
INSERT INTO declarations_new (id, software_id, item, withdrawal, declared_by, role, statement,
    url, not_applicable, organisation_id, token_id, declared_at)
SELECT id, software_id, item, withdrawal, declared_by, role, statement, url, not_applicable,
    organisation_id, token_id, declared_at FROM declarations;
DROP TABLE declarations;
ALTER TABLE declarations_new RENAME TO declarations;
CREATE INDEX declarations_software ON declarations (software_id, item, id);
CREATE INDEX declarations_token ON declarations (token_id, id);
