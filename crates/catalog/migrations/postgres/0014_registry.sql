-- The publishers registry kept in the database (issue 16): each saved version of the whole
-- registry, in the YAML of the registry file (so that import, export and the checks with line
-- and column are those of the file), numbered by the 'registry' counter. The newest one is the
-- registry; the last 50 are kept to compare, and every change is also in the audit log.
CREATE TABLE registry_revisions (
    number   BIGINT PRIMARY KEY,
    text     TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('registry', 0);
