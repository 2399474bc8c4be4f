-- The catalog: organisations publish software; each software entry comes from one repository
-- and keeps every distinct publiccode.yml ever ingested as an append-only revision.
-- Flags are integers (0/1) in both engines, so one SQL text serves both.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('changes', 0);

CREATE TABLE organisations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    uri        TEXT,
    created_at INTEGER NOT NULL
);

CREATE TABLE software (
    id                 TEXT PRIMARY KEY,
    repository_url     TEXT NOT NULL UNIQUE,
    forge              TEXT NOT NULL,
    default_branch     TEXT,
    last_commit        TEXT,
    organisation_id    TEXT REFERENCES organisations (id),
    name               TEXT NOT NULL,
    listed             INTEGER NOT NULL,
    problem            TEXT,
    live_revision_id   INTEGER,
    latest_revision_id INTEGER,
    publiccode         TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    seq                INTEGER NOT NULL UNIQUE
);
CREATE INDEX software_organisation ON software (organisation_id);

CREATE TABLE revisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    software_id  TEXT NOT NULL REFERENCES software (id) DEFERRABLE INITIALLY DEFERRED,
    commit_sha   TEXT,
    content_hash TEXT NOT NULL,
    raw          TEXT NOT NULL,
    valid        INTEGER NOT NULL,
    version      TEXT,
    errors       TEXT NOT NULL,
    warnings     TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (software_id, content_hash)
);
CREATE INDEX revisions_software ON revisions (software_id, id);
