-- Curators' presentation of entries, kept apart from the published publiccode.yml files:
-- hidden (not listed, whatever the crawl finds), featured, or superseded by another entry,
-- each with a reason. `software.hidden` mirrors `presentation.hidden` so that every listing
-- query keeps reading `listed` alone: a hidden entry is never listed.
ALTER TABLE software ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
CREATE TABLE presentation (
    software_id   TEXT PRIMARY KEY REFERENCES software (id),
    hidden        INTEGER NOT NULL CHECK (hidden IN (0, 1)),
    featured      INTEGER NOT NULL CHECK (featured IN (0, 1)),
    superseded_by TEXT REFERENCES software (id),
    reason        TEXT NOT NULL,
    set_by        TEXT NOT NULL,
    set_at        INTEGER NOT NULL
);
CREATE INDEX presentation_featured ON presentation (featured);
