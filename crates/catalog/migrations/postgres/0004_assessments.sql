-- Assessments: each computed for one revision of an entry (the commit it was read at), kept
-- append-only like the revisions. `facets` holds the few values search filters and sorts on;
-- `body` the whole explainable report (JSON, shape documented with `commons assess`).
CREATE TABLE assessments (
    id             BIGSERIAL PRIMARY KEY,
    software_id    TEXT NOT NULL REFERENCES software (id),
    revision_id    BIGINT,
    commit_sha     TEXT,
    method_version TEXT NOT NULL,
    assessed_at    BIGINT NOT NULL,
    facets         TEXT,
    body           TEXT NOT NULL
);
CREATE INDEX assessments_software ON assessments (software_id, id);
