-- The catalog: organisations publish software; each software entry comes from one repository
-- and keeps every distinct publiccode.yml ever ingested as an append-only revision.
-- Flags are integers (0/1) in both engines, so one SQL text serves both.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('changes', 0);

CREATE TABLE organisations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    uri        TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE software (
    id                 TEXT PRIMARY KEY,
    repository_url     TEXT NOT NULL UNIQUE,
    forge              TEXT NOT NULL,
    default_branch     TEXT,
    last_commit        TEXT,
    organisation_id    TEXT REFERENCES organisations (id),
    name               TEXT NOT NULL,
    listed             BIGINT NOT NULL,
    problem            TEXT,
    live_revision_id   BIGINT,
    latest_revision_id BIGINT,
    publiccode         TEXT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    seq                BIGINT NOT NULL UNIQUE
);
CREATE INDEX software_organisation ON software (organisation_id);

CREATE TABLE revisions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    software_id  TEXT NOT NULL REFERENCES software (id) DEFERRABLE INITIALLY DEFERRED,
    commit_sha   TEXT,
    content_hash TEXT NOT NULL,
    raw          TEXT NOT NULL,
    valid        BIGINT NOT NULL,
    version      TEXT,
    errors       TEXT NOT NULL,
    warnings     TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    UNIQUE (software_id, content_hash)
);
CREATE INDEX revisions_software ON revisions (software_id, id);
