//! The crawler's part of the catalog: per-repository crawl state and outcomes ("why is my
//! project not listed?"), aliases of renamed repositories, and the shared job queue.
//!
//! Each repository's result is written by [`Catalog::record_crawl`] in one transaction: the
//! outcome row, the repository's state, the flag on its entry and the end of its job. The
//! content itself goes through [`Catalog::ingest`] first (its own transaction, idempotent), so
//! a crash between the two only means the repository is crawled again, never a half-written
//! result.

use crate::error::CatalogError;
use crate::model::{ForgeKind, Software};
use crate::store::{Backend, Catalog, SOFTWARE_COLUMNS, next_seq, software_from_row};
use commons_publiccode::Diagnostic;
use sqlx::Row;
use sqlx::any::AnyRow;

/// What happened when a repository was crawled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrawlOutcomeKind {
    /// A valid publiccode.yml was read and is live.
    Ok,
    /// The publiccode.yml is invalid; the validator's errors are kept and the last valid
    /// revision (if any) stays live.
    Invalid,
    /// The repository or forge could not be reached (network, timeout, 5xx, rate limit).
    Unreachable,
    /// The publiccode.yml or the repository is larger than the limits.
    TooLarge,
    /// The repository has no publiccode.yml on its default branch (or is empty).
    NotFound,
    /// Nothing changed since the last crawl: nothing was downloaded.
    SkippedUnchanged,
    /// The crawler refused the content: a symbolic link, a redirect outside the publisher's
    /// hosting, a repository outside it, an answer that is not what the protocol promises.
    Refused,
    /// The repository no longer exists where the publisher hosts it; its history stays.
    Gone,
}

impl CrawlOutcomeKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Invalid => "invalid",
            Self::Unreachable => "unreachable",
            Self::TooLarge => "too_large",
            Self::NotFound => "not_found",
            Self::SkippedUnchanged => "skipped_unchanged",
            Self::Refused => "refused",
            Self::Gone => "gone",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "ok" => Self::Ok,
            "invalid" => Self::Invalid,
            "unreachable" => Self::Unreachable,
            "too_large" => Self::TooLarge,
            "not_found" => Self::NotFound,
            "skipped_unchanged" => Self::SkippedUnchanged,
            "refused" => Self::Refused,
            "gone" => Self::Gone,
            _ => return None,
        })
    }

    /// Whether the outcome says something about the content (so the version it was read at
    /// can be remembered and skipped next time), rather than about a failure to read it.
    pub fn is_conclusive(self) -> bool {
        !matches!(self, Self::Unreachable | Self::Gone)
    }
}

/// The result of crawling one repository, as the crawler reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct CrawlRecord {
    /// The repository (canonical URL).
    pub repository_url: String,
    /// The publisher whose hosting it was found in.
    pub publisher_id: String,
    /// The hosting location it was found in.
    pub hosting_url: String,
    /// Its forge.
    pub forge: ForgeKind,
    /// The forge's stable id of the repository, when it has one.
    pub forge_id: Option<String>,
    /// What happened.
    pub outcome: CrawlOutcomeKind,
    /// Why, in words (the first error, the HTTP status, the limit exceeded...).
    pub detail: Option<String>,
    /// The validator's errors, for an invalid file.
    pub errors: Vec<Diagnostic>,
    /// The commit read, when known.
    pub commit: Option<String>,
    /// What identifies the content (HEAD commit or the forge's push stamp).
    pub version: Option<String>,
    /// The ETag of the file's answer, for a conditional request next time.
    pub etag: Option<String>,
    /// The entry the repository feeds, when known.
    pub software_id: Option<String>,
    /// When, in Unix seconds.
    pub crawled_at: i64,
}

/// One stored crawl outcome.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CrawlOutcome {
    /// Row id (increasing).
    pub id: i64,
    /// The repository.
    pub repository_url: String,
    /// The publisher.
    pub publisher_id: String,
    /// What happened.
    pub outcome: CrawlOutcomeKind,
    /// Why, in words.
    pub detail: Option<String>,
    /// The validator's errors (with lines and columns), for an invalid file.
    pub errors: Vec<Diagnostic>,
    /// The commit read, when known.
    pub commit: Option<String>,
    /// When, in Unix seconds.
    pub crawled_at: i64,
}

/// What the crawler knows of one repository.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CrawledRepository {
    /// The repository (canonical URL).
    pub repository_url: String,
    /// The publisher.
    pub publisher_id: String,
    /// The hosting location it was found in.
    pub hosting_url: String,
    /// Its forge.
    pub forge: ForgeKind,
    /// The forge's stable id, when it has one.
    pub forge_id: Option<String>,
    /// What identified the content at the last conclusive crawl.
    pub version: Option<String>,
    /// The ETag at the last conclusive crawl.
    pub etag: Option<String>,
    /// Whether it has vanished from its hosting.
    pub gone: bool,
    /// The entry it feeds.
    pub software_id: Option<String>,
    /// The last outcome.
    pub last_outcome: Option<CrawlOutcomeKind>,
    /// Its detail.
    pub last_detail: Option<String>,
    /// The last commit read.
    pub last_commit: Option<String>,
    /// When it was last crawled.
    pub last_crawled_at: Option<i64>,
}

/// A claimed crawl job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlJob {
    /// The repository.
    pub repository_url: String,
    /// The crawler's description of the work (opaque to the catalog).
    pub payload: String,
}

const REPOSITORY_COLUMNS: &str = "repository_url, publisher_id, hosting_url, forge, forge_id, \
     version, etag, gone, software_id, last_outcome, last_detail, last_commit, last_crawled_at";

impl Catalog {
    /// Records one repository's crawl in one transaction: the outcome, the repository's state,
    /// the problem flag on its entry (set for failures, cleared when a valid file is live
    /// again) and the end of its job.
    pub async fn record_crawl(&self, record: &CrawlRecord) -> Result<(), CatalogError> {
        let mut tx = self.pool.begin().await?;
        // Write first: on SQLite a transaction that reads then writes can fail to upgrade its
        // lock when another writer got in between; starting with a write takes the lock now.
        sqlx::query(
            "INSERT INTO crawl_outcomes (repository_url, publisher_id, outcome, detail, errors, \
             commit_sha, crawled_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&record.repository_url)
        .bind(&record.publisher_id)
        .bind(record.outcome.as_str())
        .bind(&record.detail)
        .bind(serde_json::to_string(&record.errors)?)
        .bind(&record.commit)
        .bind(record.crawled_at)
        .execute(&mut *tx)
        .await?;
        let previous =
            sqlx::query("SELECT software_id FROM crawl_repositories WHERE repository_url = $1")
                .bind(&record.repository_url)
                .fetch_optional(&mut *tx)
                .await?;
        let previous_software: Option<String> = match previous {
            Some(row) => row.try_get(0)?,
            None => None,
        };
        let software_id = record.software_id.clone().or(previous_software);
        self.upsert_repository_state(&mut tx, record, software_id.as_deref())
            .await?;
        if let Some(id) = &software_id {
            flag_entry(&mut tx, id, record).await?;
        }
        sqlx::query(
            "UPDATE crawl_jobs SET done = 1, claimed_by = NULL, claimed_until = NULL, \
             finished_at = $2 WHERE repository_url = $1",
        )
        .bind(&record.repository_url)
        .bind(record.crawled_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn upsert_repository_state(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        record: &CrawlRecord,
        software_id: Option<&str>,
    ) -> Result<(), CatalogError> {
        // The version is remembered only when the outcome is about the content: after a
        // failure to read, the next crawl must not skip.
        let conclusive = i64::from(record.outcome.is_conclusive());
        let gone = i64::from(record.outcome == CrawlOutcomeKind::Gone);
        sqlx::query(
            "INSERT INTO crawl_repositories (repository_url, publisher_id, hosting_url, forge, \
             forge_id, version, etag, gone, software_id, last_outcome, last_detail, last_commit, \
             last_crawled_at) VALUES ($1, $2, $3, $4, $5, \
             CASE WHEN $6 = 1 THEN $7 ELSE NULL END, CASE WHEN $6 = 1 THEN $8 ELSE NULL END, \
             $9, $10, $11, $12, $13, $14) \
             ON CONFLICT (repository_url) DO UPDATE SET publisher_id = excluded.publisher_id, \
             hosting_url = excluded.hosting_url, forge = excluded.forge, \
             forge_id = COALESCE(excluded.forge_id, crawl_repositories.forge_id), \
             version = CASE WHEN $6 = 1 THEN excluded.version ELSE crawl_repositories.version END, \
             etag = CASE WHEN $6 = 1 THEN excluded.etag ELSE crawl_repositories.etag END, \
             gone = excluded.gone, software_id = excluded.software_id, \
             last_outcome = excluded.last_outcome, last_detail = excluded.last_detail, \
             last_commit = COALESCE(excluded.last_commit, crawl_repositories.last_commit), \
             last_crawled_at = excluded.last_crawled_at",
        )
        .bind(&record.repository_url)
        .bind(&record.publisher_id)
        .bind(&record.hosting_url)
        .bind(record.forge.as_str())
        .bind(&record.forge_id)
        .bind(conclusive)
        .bind(&record.version)
        .bind(&record.etag)
        .bind(gone)
        .bind(software_id)
        .bind(record.outcome.as_str())
        .bind(&record.detail)
        .bind(&record.commit)
        .bind(record.crawled_at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// What the crawler knows of one repository (by its current URL).
    pub async fn crawled_repository(
        &self,
        repository_url: &str,
    ) -> Result<Option<CrawledRepository>, CatalogError> {
        let sql = format!(
            "SELECT {REPOSITORY_COLUMNS} FROM crawl_repositories WHERE repository_url = $1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(repository_url)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(repository_from_row).transpose()
    }

    /// Every repository of a publisher (or of all publishers), by URL.
    pub async fn crawled_repositories(
        &self,
        publisher_id: Option<&str>,
    ) -> Result<Vec<CrawledRepository>, CatalogError> {
        let sql = format!(
            "SELECT {REPOSITORY_COLUMNS} FROM crawl_repositories \
             WHERE publisher_id = $1 OR $2 = 1 ORDER BY publisher_id, repository_url"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(publisher_id.unwrap_or(""))
            .bind(i64::from(publisher_id.is_none()))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(repository_from_row).collect()
    }

    /// Every repository found under one hosting location, by URL.
    pub async fn crawled_repositories_of_hosting(
        &self,
        hosting_url: &str,
    ) -> Result<Vec<CrawledRepository>, CatalogError> {
        let sql = format!(
            "SELECT {REPOSITORY_COLUMNS} FROM crawl_repositories \
             WHERE hosting_url = $1 ORDER BY repository_url"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(hosting_url)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(repository_from_row).collect()
    }

    /// A repository's crawl history, newest first, at most `limit`.
    pub async fn crawl_outcomes(
        &self,
        repository_url: &str,
        limit: i64,
    ) -> Result<Vec<CrawlOutcome>, CatalogError> {
        let rows = sqlx::query(
            "SELECT id, repository_url, publisher_id, outcome, detail, errors, commit_sha, \
             crawled_at FROM crawl_outcomes WHERE repository_url = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(repository_url)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(outcome_from_row).collect()
    }

    /// Moves an entry (and its crawl state) from `old_url` to `new_url` after a rename or move,
    /// and records `old_url` as an alias. Returns the entry's id, if there is one.
    pub async fn rename_repository(
        &self,
        old_url: &str,
        new_url: &str,
        at: i64,
    ) -> Result<Option<String>, CatalogError> {
        if old_url == new_url {
            return Ok(None);
        }
        let mut tx = self.pool.begin().await?;
        let seq = next_seq(&mut tx).await?;
        let row = sqlx::query("SELECT id FROM software WHERE repository_url = $1")
            .bind(old_url)
            .fetch_optional(&mut *tx)
            .await?;
        let software_id: Option<String> = row.map(|r| r.try_get(0)).transpose()?;
        let taken = sqlx::query("SELECT 1 FROM software WHERE repository_url = $1")
            .bind(new_url)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if let (Some(id), false) = (&software_id, taken) {
            sqlx::query("UPDATE software SET repository_url = $2, seq = $3 WHERE id = $1")
                .bind(id)
                .bind(new_url)
                .bind(seq)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM software_aliases WHERE alias_url = $1")
                .bind(new_url)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO software_aliases (alias_url, software_id, created_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (alias_url) DO UPDATE \
                 SET software_id = excluded.software_id",
            )
            .bind(old_url)
            .bind(id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        let moved = sqlx::query("SELECT 1 FROM crawl_repositories WHERE repository_url = $1")
            .bind(new_url)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !moved {
            sqlx::query(
                "UPDATE crawl_repositories SET repository_url = $2 WHERE repository_url = $1",
            )
            .bind(old_url)
            .bind(new_url)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(software_id)
    }

    /// The entry whose repository is `url`, or was before a rename (an alias).
    pub async fn software_by_url(&self, url: &str) -> Result<Option<Software>, CatalogError> {
        let sql = format!(
            "SELECT {SOFTWARE_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = s.live_revision_id \
             WHERE s.repository_url = $1 OR s.id = \
             (SELECT software_id FROM software_aliases WHERE alias_url = $1) \
             ORDER BY CASE WHEN s.repository_url = $1 THEN 0 ELSE 1 END LIMIT 1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(url)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| software_from_row(&r)).transpose()
    }

    /// The former URLs of an entry, oldest first.
    pub async fn aliases(&self, software_id: &str) -> Result<Vec<String>, CatalogError> {
        let rows = sqlx::query(
            "SELECT alias_url FROM software_aliases WHERE software_id = $1 \
             ORDER BY created_at, alias_url",
        )
        .bind(software_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| r.try_get(0).map_err(CatalogError::from))
            .collect()
    }

    /// Adds (or re-opens) crawl jobs, in one transaction. A job already claimed keeps its claim;
    /// a job finished after `reopen_finished_before` stays done, so that processes
    /// sharing one crawl do not redo each other's fresh work.
    pub async fn enqueue_crawl_jobs(
        &self,
        jobs: &[CrawlJob],
        at: i64,
        reopen_finished_before: i64,
    ) -> Result<(), CatalogError> {
        let mut tx = self.pool.begin().await?;
        for job in jobs {
            sqlx::query(
                "INSERT INTO crawl_jobs (repository_url, payload, done, enqueued_at) \
                 VALUES ($1, $2, 0, $3) ON CONFLICT (repository_url) DO UPDATE \
                 SET payload = excluded.payload, done = 0, enqueued_at = excluded.enqueued_at \
                 WHERE crawl_jobs.done = 0 OR crawl_jobs.finished_at IS NULL \
                 OR crawl_jobs.finished_at <= $4",
            )
            .bind(&job.repository_url)
            .bind(&job.payload)
            .bind(at)
            .bind(reopen_finished_before)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Claims the oldest pending job whose claim is free or expired, for `lease` seconds.
    ///
    /// On PostgreSQL the row is taken `FOR UPDATE SKIP LOCKED`, so workers on several machines
    /// never claim the same job at once; on SQLite the single writer serialises claims.
    pub async fn claim_crawl_job(
        &self,
        worker: &str,
        now: i64,
        lease: i64,
    ) -> Result<Option<CrawlJob>, CatalogError> {
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE crawl_jobs SET claimed_by = $1, claimed_until = $2 WHERE repository_url = \
             (SELECT repository_url FROM crawl_jobs WHERE done = 0 \
             AND (claimed_until IS NULL OR claimed_until < $3) \
             ORDER BY enqueued_at, repository_url LIMIT 1{lock}) \
             RETURNING repository_url, payload"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(worker)
            .bind(now + lease)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(CrawlJob {
                repository_url: r.try_get(0)?,
                payload: r.try_get(1)?,
            })
        })
        .transpose()
    }

    /// Frees every claim on pending jobs. For a single-process store (SQLite) at the start of
    /// a run: any claim left is a dead process's, and waiting for its lease would only delay.
    pub async fn release_crawl_claims(&self) -> Result<u64, CatalogError> {
        let done = sqlx::query(
            "UPDATE crawl_jobs SET claimed_by = NULL, claimed_until = NULL \
             WHERE done = 0 AND claimed_by IS NOT NULL",
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Number of jobs not yet done.
    pub async fn pending_crawl_jobs(&self) -> Result<i64, CatalogError> {
        let row = sqlx::query("SELECT COUNT(*) FROM crawl_jobs WHERE done = 0")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }
}

/// The words a crawl outcome's detail holds when the file's `url` names another repository: the
/// entry is then flagged as a copy (its problem says so) while it stays listed.
pub const COPY_NOTE: &str = "flagged as a copy";

/// Sets the entry's problem after a failure (its last valid revision stays live), or clears a
/// crawl problem once a valid file is live again.
async fn flag_entry(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    record: &CrawlRecord,
) -> Result<(), CatalogError> {
    use CrawlOutcomeKind as K;
    let problem = match record.outcome {
        // A copy stays listed but carries the flag, re-decided at every good crawl.
        K::Ok => match record.detail.as_deref().filter(|d| d.contains(COPY_NOTE)) {
            Some(detail) => format!("crawl: {detail}"),
            // Ingestion already set or cleared the problem from the content.
            None => return clear_crawl_problem(tx, software_id).await,
        },
        K::Invalid | K::SkippedUnchanged => return Ok(()),
        K::Unreachable | K::TooLarge | K::NotFound | K::Refused | K::Gone => format!(
            "crawl: {}{}",
            record.outcome.as_str().replace('_', " "),
            record
                .detail
                .as_deref()
                .map(|d| format!(": {d}"))
                .unwrap_or_default()
        ),
    };
    set_problem(tx, software_id, Some(&problem)).await
}

/// After a good crawl, a problem left by an earlier failed crawl goes (problems from the
/// content are ingestion's business).
async fn clear_crawl_problem(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
) -> Result<(), CatalogError> {
    let row = sqlx::query("SELECT problem FROM software WHERE id = $1")
        .bind(software_id)
        .fetch_optional(&mut **tx)
        .await?;
    let problem: Option<String> = match row {
        Some(r) => r.try_get(0)?,
        None => None,
    };
    match problem {
        Some(p) if p.starts_with("crawl: ") => set_problem(tx, software_id, None).await,
        _ => Ok(()),
    }
}

async fn set_problem(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    problem: Option<&str>,
) -> Result<(), CatalogError> {
    let seq = next_seq(tx).await?;
    sqlx::query("UPDATE software SET problem = $2, seq = $3 WHERE id = $1")
        .bind(software_id)
        .bind(problem)
        .bind(seq)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn repository_from_row(r: &AnyRow) -> Result<CrawledRepository, CatalogError> {
    let forge: String = r.try_get(3)?;
    let outcome: Option<String> = r.try_get(9)?;
    Ok(CrawledRepository {
        repository_url: r.try_get(0)?,
        publisher_id: r.try_get(1)?,
        hosting_url: r.try_get(2)?,
        forge: ForgeKind::parse(&forge).ok_or(CatalogError::Corrupt(format!("forge {forge}")))?,
        forge_id: r.try_get(4)?,
        version: r.try_get(5)?,
        etag: r.try_get(6)?,
        gone: r.try_get::<i64, _>(7)? != 0,
        software_id: r.try_get(8)?,
        last_outcome: outcome.as_deref().and_then(CrawlOutcomeKind::parse),
        last_detail: r.try_get(10)?,
        last_commit: r.try_get(11)?,
        last_crawled_at: r.try_get(12)?,
    })
}

fn outcome_from_row(r: &AnyRow) -> Result<CrawlOutcome, CatalogError> {
    let outcome: String = r.try_get(3)?;
    Ok(CrawlOutcome {
        id: r.try_get(0)?,
        repository_url: r.try_get(1)?,
        publisher_id: r.try_get(2)?,
        outcome: CrawlOutcomeKind::parse(&outcome)
            .ok_or(CatalogError::Corrupt(format!("crawl outcome {outcome}")))?,
        detail: r.try_get(4)?,
        errors: serde_json::from_str(&r.try_get::<String, _>(5)?)?,
        commit: r.try_get(6)?,
        crawled_at: r.try_get(7)?,
    })
}
