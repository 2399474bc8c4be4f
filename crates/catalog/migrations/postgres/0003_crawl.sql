-- The crawler's state: what it knows of every repository it has seen, the outcome of every
-- crawl of it (the "why is my project not listed?" history), the old URLs of renamed
-- repositories, and the job queue that several crawler processes share.

-- One row per repository ever discovered; never deleted (a vanished repository is marked gone).
CREATE TABLE crawl_repositories (
    repository_url  TEXT PRIMARY KEY,
    publisher_id    TEXT NOT NULL,
    hosting_url     TEXT NOT NULL,
    forge           TEXT NOT NULL,
    forge_id        TEXT,
    -- What identified the content at the last complete crawl: the HEAD commit for plain git,
    -- the forge's last-push stamp for APIs; equal next time means nothing to download.
    version         TEXT,
    etag            TEXT,
    gone            BIGINT NOT NULL DEFAULT 0,
    software_id     TEXT,
    last_outcome    TEXT,
    last_detail     TEXT,
    last_commit     TEXT,
    last_crawled_at BIGINT
);
CREATE INDEX crawl_repositories_publisher ON crawl_repositories (publisher_id, repository_url);
CREATE INDEX crawl_repositories_hosting ON crawl_repositories (hosting_url);
CREATE INDEX crawl_repositories_forge_id ON crawl_repositories (hosting_url, forge_id);

-- Every crawl of every repository, newest last.
CREATE TABLE crawl_outcomes (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_url TEXT NOT NULL,
    publisher_id   TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    detail         TEXT,
    errors         TEXT NOT NULL,
    commit_sha     TEXT,
    crawled_at     BIGINT NOT NULL
);
CREATE INDEX crawl_outcomes_repository ON crawl_outcomes (repository_url, id);
CREATE INDEX crawl_outcomes_publisher ON crawl_outcomes (publisher_id, id);

-- Former URLs of an entry (renames, moves); a lookup by any of them finds the entry.
CREATE TABLE software_aliases (
    alias_url   TEXT PRIMARY KEY,
    software_id TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX software_aliases_software ON software_aliases (software_id);

-- Work to do. A worker claims a job until `claimed_until`; a dead worker's claim expires.
CREATE TABLE crawl_jobs (
    repository_url TEXT PRIMARY KEY,
    payload        TEXT NOT NULL,
    claimed_by     TEXT,
    claimed_until  BIGINT,
    done           BIGINT NOT NULL DEFAULT 0,
    finished_at    BIGINT,
    enqueued_at    BIGINT NOT NULL
);
CREATE INDEX crawl_jobs_pending ON crawl_jobs (done, enqueued_at);
