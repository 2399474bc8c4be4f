-- Federation. `uuid` is the entry's id in the Software Catalog API (that API's ids are UUIDs);
-- it is derived from the entry's id, so every copy of the catalog gives the same one, and is
-- filled for older rows when the catalog opens.
ALTER TABLE software ADD COLUMN uuid TEXT;
CREATE UNIQUE INDEX software_uuid ON software (uuid);
-- That API pages by creation time then id.
CREATE INDEX software_created ON software (created_at, id);
-- The peer catalog whose copy of the file the entry shows; NULL when Commons crawls the
-- repository itself (the direct crawl wins: it reads the file at its source, with its commit).
ALTER TABLE software ADD COLUMN via_catalog TEXT;
-- Why the peer catalog the entry came from no longer lists it (the entry is then unlisted;
-- its revisions stay); NULL otherwise.
ALTER TABLE software ADD COLUMN withdrawn TEXT;
CREATE INDEX software_via_catalog ON software (via_catalog);

-- Every peer catalog that lists an entry: its id there and when it was last read.
CREATE TABLE catalog_listings (
    software_id  TEXT NOT NULL REFERENCES software (id),
    catalog_id   TEXT NOT NULL,
    catalog_name TEXT NOT NULL,
    catalog_url  TEXT NOT NULL,
    remote_id    TEXT NOT NULL,
    fetched_at   INTEGER NOT NULL,
    PRIMARY KEY (software_id, catalog_id)
);
CREATE INDEX catalog_listings_catalog ON catalog_listings (catalog_id);
