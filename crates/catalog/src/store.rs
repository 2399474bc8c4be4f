//! Storage: the catalog in SQLite (the embedded default) or PostgreSQL (the scale-out store).
//!
//! One code path serves both through sqlx's `Any` driver: the SQL is written in the subset both
//! engines share (`$n` parameters, `RETURNING`), and only the migrations differ. Every write
//! takes the next number of a single-row change counter inside its transaction; the row lock
//! serialises writers, so change numbers are committed in order and a replica that polls
//! "everything after N" never misses a write.

use crate::error::CatalogError;
use crate::federation::{Via, upsert_listing};
use crate::model::*;
use commons_publiccode::{Diagnostic, Options, PublicCode, validate};
use sha2::{Digest, Sha256};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};
use std::path::Path;
use std::time::Duration;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// Which engine holds the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite, in the data directory.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// The catalog store.
#[derive(Clone)]
pub struct Catalog {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
}

pub(crate) const SOFTWARE_COLUMNS: &str = "s.id, s.repository_url, s.forge, s.default_branch, s.last_commit, \
     s.organisation_id, s.name, s.listed, s.problem, s.live_revision_id, s.latest_revision_id, \
     s.publiccode, s.created_at, s.updated_at, s.seq, r.warnings, \
     (SELECT a.facets FROM assessments a WHERE a.software_id = s.id ORDER BY a.id DESC LIMIT 1)";

impl Catalog {
    /// Opens (creating if needed) the catalog and brings its schema up to date.
    ///
    /// `database` is a `postgres://` URL, a `sqlite://` URL, or `None` for
    /// `<data_dir>/commons.db`.
    pub async fn open(database: Option<&str>, data_dir: &Path) -> Result<Self, CatalogError> {
        sqlx::any::install_default_drivers();
        let (url, backend) = match database {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                (url.to_string(), Backend::Postgres)
            }
            Some(url) if url.starts_with("sqlite:") => (url.to_string(), Backend::Sqlite),
            Some(other) => return Err(CatalogError::UnsupportedDatabase(other.to_string())),
            None => {
                std::fs::create_dir_all(data_dir).map_err(|e| CatalogError::Io {
                    path: data_dir.display().to_string(),
                    cause: e,
                })?;
                let file = data_dir.join("commons.db");
                (
                    format!("sqlite://{}?mode=rwc", file.display()),
                    Backend::Sqlite,
                )
            }
        };
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 16 })
            .acquire_timeout(Duration::from_secs(30));
        let options = if backend == Backend::Sqlite {
            options.after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::raw_sql(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                    )
                    .execute(conn)
                    .await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options.connect(&url).await?;
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        // sqlx takes an advisory lock on PostgreSQL; SQLite has none, so processes opening a
        // new catalog at once would both create its tables: a file lock serialises them.
        let _migration_lock = match backend {
            Backend::Sqlite if !url.contains(":memory:") => Some(lock_beside(&url).await?),
            Backend::Sqlite => None,
            Backend::Postgres => None,
        };
        migrator.run(&pool).await?;
        let catalog = Catalog { pool, backend };
        catalog.fill_missing_uuids().await?;
        Ok(catalog)
    }

    /// Opens a database as it is: nothing created, no migration (a backup to check, a
    /// database to restore into). One connection.
    pub(crate) async fn open_existing(url: &str) -> Result<Self, CatalogError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(CatalogError::UnsupportedDatabase(url.to_string()));
        };
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await?;
        Ok(Catalog { pool, backend })
    }

    /// The connection pool's use now: connections open, and of them idle.
    pub fn pool_use(&self) -> (usize, usize) {
        (self.pool.size() as usize, self.pool.num_idle())
    }

    /// The engine in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes the pool.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), CatalogError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Validates and records one publiccode.yml, in one transaction.
    ///
    /// Identical content to the entry's latest revision writes nothing. Content seen before
    /// (a revert) becomes latest again without a new revision. New content is appended as a
    /// revision; when valid it goes live, when invalid the last valid revision stays live and
    /// the entry carries the problem.
    pub async fn ingest(&self, request: &IngestRequest) -> Result<IngestOutcome, CatalogError> {
        let prepared = Prepared::new(request)?;
        self.ingest_prepared(request, &prepared).await
    }

    /// Records a file prepared with [`Prepared::new`] (the validation and serialisation,
    /// which need no database, can so run in parallel ahead of the writer), in one transaction.
    pub async fn ingest_prepared(
        &self,
        request: &IngestRequest,
        prepared: &Prepared,
    ) -> Result<IngestOutcome, CatalogError> {
        self.ingest_from(request, prepared, None).await
    }

    /// [`Catalog::ingest_prepared`], for a file read directly (`via` none) or through a peer
    /// catalog. The direct crawl owns an entry it has read; a peer catalog's copy only records
    /// the listing then (see [`crate::federation`]).
    pub(crate) async fn ingest_from(
        &self,
        request: &IngestRequest,
        prepared: &Prepared,
        via: Option<&Via>,
    ) -> Result<IngestOutcome, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let (outcome, wrote) = self.ingest_in(&mut tx, request, prepared, via).await?;
        if wrote {
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        Ok(outcome)
    }

    /// Records many files in one transaction, in order, each as [`Catalog::ingest_prepared`]
    /// would (a later file of the same repository sees the earlier one): all of them are
    /// recorded, or none. A bulk import writes a batch at a time, which spares a commit per
    /// file; each entry stays whole, since a batch is.
    pub async fn ingest_batch(
        &self,
        files: &[(IngestRequest, Prepared)],
    ) -> Result<Vec<IngestOutcome>, CatalogError> {
        let mut tx = self.pool.begin().await?;
        let mut outcomes = Vec::with_capacity(files.len());
        let mut wrote_any = false;
        for (request, prepared) in files {
            let (outcome, wrote) = self.ingest_in(&mut tx, request, prepared, None).await?;
            wrote_any |= wrote;
            outcomes.push(outcome);
        }
        if wrote_any {
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        Ok(outcomes)
    }

    /// One file's writes in `tx`; says whether it wrote anything the caller must commit.
    async fn ingest_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        request: &IngestRequest,
        prepared: &Prepared,
        via: Option<&Via>,
    ) -> Result<(IngestOutcome, bool), CatalogError> {
        let Prepared {
            hash,
            raw,
            valid,
            version,
            errors,
            warnings,
            problem,
            model,
            name: model_name,
            organisation,
        } = prepared;
        let valid = *valid;

        // Take the change number first: the write lock it needs serialises ingestions (SQLite
        // would otherwise fail a read transaction that later tries to write).
        let seq = next_seq(tx).await?;
        // The entry, and the revision with this content if it has one, in one query.
        let existing = sqlx::query(
            "SELECT s.id, s.latest_revision_id, s.seq, r.id, s.organisation_id, s.via_catalog, \
             s.withdrawn FROM software s \
             LEFT JOIN revisions r ON r.software_id = s.id AND r.content_hash = $2 \
             WHERE s.repository_url = $1",
        )
        .bind(&request.repository_url)
        .bind(hash)
        .fetch_optional(&mut **tx)
        .await?;
        let found = existing;
        let existing: Option<(String, Option<i64>, i64, Option<i64>)> = match &found {
            Some(row) => Some((
                row.try_get(0)?,
                row.try_get(1)?,
                row.try_get(2)?,
                row.try_get(3)?,
            )),
            None => None,
        };
        let current_organisation: Option<String> = match &found {
            Some(row) => row.try_get(4)?,
            None => None,
        };
        let (current_source, withdrawn): (Option<String>, Option<String>) = match &found {
            Some(row) => (row.try_get(5)?, row.try_get(6)?),
            None => (None, None),
        };
        let source = via.map(|v| v.catalog_id.clone());
        if let (Some(via), Some((id, latest, entry_seq, _))) = (via, &existing) {
            // Another source shows this entry: the direct crawl, or the peer that listed it
            // first and still does. This peer's listing is recorded, the content left alone.
            let owned = current_source.as_deref() == Some(via.catalog_id.as_str());
            if !owned && withdrawn.is_none() {
                upsert_listing(tx, id, via).await?;
                return Ok((
                    IngestOutcome {
                        software_id: id.clone(),
                        revision_id: latest.unwrap_or_default(),
                        change: Change::Unchanged,
                        seq: *entry_seq,
                    },
                    true,
                ));
            }
        }
        let takes_over = found.is_some() && (current_source != source || withdrawn.is_some());

        if let Some((id, latest, entry_seq, Some(seen))) = &existing
            && Some(*seen) == *latest
        {
            // Same content; the publisher that claims the repository still decides whose
            // entry it is (an earlier ingestion may have filed it under someone else).
            let reassign = request
                .publisher
                .as_ref()
                .filter(|p| current_organisation.as_deref() != Some(p.id.as_str()));
            if let Some(via) = via {
                upsert_listing(tx, id, via).await?;
            }
            if takes_over {
                set_source(tx, id, source.as_deref(), seq).await?;
            }
            if let Some(publisher) = reassign {
                set_organisation(tx, id, publisher, request.seen_at, seq).await?;
            }
            let changed = takes_over || reassign.is_some();
            // A peer's listing alone moves its read time, not the entry.
            return Ok((
                IngestOutcome {
                    software_id: id.clone(),
                    revision_id: *seen,
                    change: Change::Unchanged,
                    seq: if changed { seq } else { *entry_seq },
                },
                changed || via.is_some(),
            ));
        }

        let organisation_id = self
            .upsert_organisation(tx, request, organisation.as_ref())
            .await?;
        let name = model_name
            .clone()
            .unwrap_or_else(|| request.repository_url.clone());
        let (software_id, created) = match &existing {
            Some((id, ..)) => (id.clone(), false),
            None => {
                let id = self
                    .free_software_id(tx, &software_id_for(&request.repository_url))
                    .await?;
                sqlx::query(
                    "INSERT INTO software (id, repository_url, forge, default_branch, last_commit, \
                     organisation_id, name, listed, problem, created_at, updated_at, seq, uuid, \
                     via_catalog) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                )
                .bind(&id)
                .bind(&request.repository_url)
                .bind(request.forge.as_str())
                .bind(&request.default_branch)
                .bind(&request.commit)
                .bind(&organisation_id)
                .bind(&name)
                .bind(0_i64)
                .bind(problem)
                .bind(request.seen_at)
                .bind(request.seen_at)
                .bind(seq)
                .bind(crate::federation::software_uuid(&id))
                .bind(&source)
                .execute(&mut **tx)
                .await?;
                (id, true)
            }
        };

        // Content seen before (a revert) becomes latest again without a new revision.
        let seen = existing.as_ref().and_then(|(.., seen)| *seen);
        let revision_id = match seen {
            Some(id) => id,
            None => sqlx::query(
                "INSERT INTO revisions (software_id, commit_sha, content_hash, raw, valid, version, \
                 errors, warnings, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(&software_id)
            .bind(&request.commit)
            .bind(hash)
            .bind(raw)
            .bind(i64::from(valid))
            .bind(version)
            .bind(errors)
            .bind(warnings)
            .bind(request.seen_at)
            .fetch_one(&mut **tx)
            .await?
            .try_get::<i64, _>(0)?,
        };

        let change = if valid {
            sqlx::query(
                "UPDATE software SET forge = $2, default_branch = $3, last_commit = $4, \
                 organisation_id = $5, name = $6, \
                 listed = CASE WHEN hidden = 1 THEN 0 ELSE $7 END, problem = NULL, \
                 live_revision_id = $8, latest_revision_id = $8, publiccode = $9, \
                 updated_at = $10, seq = $11 WHERE id = $1",
            )
            .bind(&software_id)
            .bind(request.forge.as_str())
            .bind(&request.default_branch)
            .bind(&request.commit)
            .bind(&organisation_id)
            .bind(&name)
            .bind(1_i64)
            .bind(revision_id)
            .bind(model)
            .bind(request.seen_at)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
            if created {
                Change::Created
            } else {
                Change::Updated
            }
        } else {
            // The last valid revision stays live; only the problem and pointers change.
            sqlx::query(
                "UPDATE software SET forge = $2, default_branch = $3, last_commit = $4, \
                 problem = $5, latest_revision_id = $6, updated_at = $7, seq = $8 WHERE id = $1",
            )
            .bind(&software_id)
            .bind(request.forge.as_str())
            .bind(&request.default_branch)
            .bind(&request.commit)
            .bind(problem)
            .bind(revision_id)
            .bind(request.seen_at)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
            Change::StoredInvalid
        };
        if takes_over {
            set_source(tx, &software_id, source.as_deref(), seq).await?;
        }
        if let Some(via) = via {
            upsert_listing(tx, &software_id, via).await?;
        }
        Ok((
            IngestOutcome {
                software_id,
                revision_id,
                change,
                seq,
            },
            true,
        ))
    }

    async fn upsert_organisation(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        request: &IngestRequest,
        organisation: Option<&commons_publiccode::model::Organisation>,
    ) -> Result<Option<String>, CatalogError> {
        let (id, name, uri) = match (&request.publisher, organisation) {
            (Some(p), _) => (p.id.clone(), p.name.clone(), p.uri.clone()),
            (None, Some(org)) => {
                let name = org.name.clone().unwrap_or_else(|| org.uri.clone());
                (organisation_id_for(&name), name, Some(org.uri.clone()))
            }
            (None, None) => return Ok(None),
        };
        upsert_organisation_row(tx, &id, &name, uri.as_deref(), request.seen_at).await?;
        Ok(Some(id))
    }

    async fn free_software_id(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        base: &str,
    ) -> Result<String, CatalogError> {
        let mut candidate = base.to_string();
        for n in 2.. {
            let taken = sqlx::query("SELECT 1 FROM software WHERE id = $1")
                .bind(&candidate)
                .fetch_optional(&mut **tx)
                .await?
                .is_some();
            if !taken {
                return Ok(candidate);
            }
            candidate = format!("{base}-{n}");
        }
        unreachable!("the loop returns")
    }

    /// Files an entry under `publisher` when it is under another organisation (or none);
    /// returns whether it moved. The common case, already there, is one read and no write.
    pub async fn assign_publisher(
        &self,
        software_id: &str,
        publisher: &Publisher,
        at: i64,
    ) -> Result<bool, CatalogError> {
        let row = sqlx::query("SELECT organisation_id FROM software WHERE id = $1")
            .bind(software_id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else {
            return Err(CatalogError::NotFound(format!(
                "no software with id {software_id:?}"
            )));
        };
        let before: Option<String> = row.try_get(0)?;
        if before.as_deref() == Some(publisher.id.as_str()) {
            return Ok(false);
        }
        let mut tx = self.pool.begin().await?;
        let seq = next_seq(&mut tx).await?;
        set_organisation(&mut tx, software_id, publisher, at, seq).await?;
        let target = format!("software:{software_id}");
        crate::audit::append(
            &mut tx,
            &crate::audit::AuditEvent {
                actor: crate::audit::CATALOG_WRITER,
                action: "software.publisher",
                target: &target,
                before: Some(serde_json::json!({ "organisationId": before })),
                after: Some(serde_json::json!({ "organisationId": publisher.id })),
                at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// One entry by id, listed or not.
    pub async fn software(&self, id: &str) -> Result<Option<Software>, CatalogError> {
        let sql = format!(
            "SELECT {SOFTWARE_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = s.live_revision_id WHERE s.id = $1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| software_from_row(&r)).transpose()
    }

    /// Entries by id, in the order asked, skipping unknown ids. At most 100 ids are looked up.
    pub async fn software_by_ids(&self, ids: &[String]) -> Result<Vec<Software>, CatalogError> {
        let ids = &ids[..ids.len().min(100)];
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT {SOFTWARE_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = s.live_revision_id WHERE s.id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut found: std::collections::HashMap<String, Software> = rows
            .iter()
            .map(software_from_row)
            .map(|r| r.map(|s| (s.id.clone(), s)))
            .collect::<Result<_, _>>()?;
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// Entries changed after change number `seq`, in change order, at most `limit`.
    pub async fn changes_since(&self, seq: i64, limit: i64) -> Result<Vec<Software>, CatalogError> {
        let sql = format!(
            "SELECT {SOFTWARE_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = s.live_revision_id \
             WHERE s.seq > $1 ORDER BY s.seq LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(seq)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(software_from_row).collect()
    }

    /// Listed entries whose content changed last, newest first (ties by id), at most
    /// `limit`; of one organisation when given.
    pub async fn recently_updated(
        &self,
        organisation_id: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Software>, CatalogError> {
        let sql = format!(
            "SELECT {SOFTWARE_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = s.live_revision_id \
             WHERE s.listed = 1 AND ($1 = '' OR s.organisation_id = $1) \
             ORDER BY s.updated_at DESC, s.id DESC LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(organisation_id.unwrap_or(""))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(software_from_row).collect()
    }

    /// Entries in id order after `after` (a cursor), at most `limit`.
    pub async fn software_page(
        &self,
        after: Option<&str>,
        limit: i64,
        include_unlisted: bool,
    ) -> Result<Vec<Software>, CatalogError> {
        let sql = format!(
            "SELECT {SOFTWARE_COLUMNS} FROM software s \
             LEFT JOIN revisions r ON r.id = s.live_revision_id \
             WHERE s.id > $1 AND (s.listed = 1 OR $2 = 1) ORDER BY s.id LIMIT $3"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(after.unwrap_or(""))
            .bind(i64::from(include_unlisted))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(software_from_row).collect()
    }

    /// The highest change number committed.
    pub async fn max_seq(&self) -> Result<i64, CatalogError> {
        let row = sqlx::query("SELECT value FROM counters WHERE name = 'changes'")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// Number of entries; listed ones only unless `include_unlisted`.
    pub async fn count(&self, include_unlisted: bool) -> Result<i64, CatalogError> {
        let row = sqlx::query("SELECT COUNT(*) FROM software WHERE listed = 1 OR $1 = 1")
            .bind(i64::from(include_unlisted))
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// Every revision of an entry, oldest first.
    pub async fn revisions(&self, software_id: &str) -> Result<Vec<Revision>, CatalogError> {
        let rows = sqlx::query(
            "SELECT id, software_id, commit_sha, content_hash, valid, version, errors, warnings, \
             created_at FROM revisions WHERE software_id = $1 ORDER BY id",
        )
        .bind(software_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Revision {
                    id: r.try_get(0)?,
                    software_id: r.try_get(1)?,
                    commit: r.try_get(2)?,
                    content_hash: r.try_get(3)?,
                    valid: r.try_get::<i64, _>(4)? != 0,
                    version: r.try_get(5)?,
                    errors: serde_json::from_str(&r.try_get::<String, _>(6)?)?,
                    warnings: serde_json::from_str(&r.try_get::<String, _>(7)?)?,
                    created_at: r.try_get(8)?,
                })
            })
            .collect()
    }

    /// The raw publiccode.yml of a revision.
    pub async fn raw(&self, revision_id: i64) -> Result<Option<String>, CatalogError> {
        let row = sqlx::query("SELECT raw FROM revisions WHERE id = $1")
            .bind(revision_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    /// The raw publiccode.yml of each revision asked for that exists, by revision id, in one
    /// query (at most 500 ids are looked up).
    pub async fn raws(
        &self,
        revision_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, String>, CatalogError> {
        let ids = &revision_ids[..revision_ids.len().min(500)];
        if ids.is_empty() {
            return Ok(std::collections::HashMap::new());
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT id, raw FROM revisions WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    /// Every organisation's id and name (cheap: no counting).
    pub async fn organisation_names(&self) -> Result<Vec<(String, String)>, CatalogError> {
        let rows = sqlx::query("SELECT id, name FROM organisations")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    /// Every organisation with its number of listed entries, by name.
    pub async fn organisations(&self) -> Result<Vec<Organisation>, CatalogError> {
        // One pass over the (listed, organisation_id) index, not one count per organisation.
        let rows = sqlx::query(
            "SELECT o.id, o.name, o.uri, COALESCE(c.n, 0) FROM organisations o \
             LEFT JOIN (SELECT organisation_id, COUNT(*) AS n FROM software WHERE listed = 1 \
             GROUP BY organisation_id) c ON c.organisation_id = o.id \
             ORDER BY o.name, o.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(organisation_from_row).collect()
    }

    /// One organisation.
    pub async fn organisation(&self, id: &str) -> Result<Option<Organisation>, CatalogError> {
        let row = sqlx::query(
            "SELECT o.id, o.name, o.uri, \
             (SELECT COUNT(*) FROM software s WHERE s.organisation_id = o.id AND s.listed = 1) \
             FROM organisations o WHERE o.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(organisation_from_row).transpose()
    }

    /// Ids of an organisation's listed entries.
    pub async fn organisation_software(&self, id: &str) -> Result<Vec<String>, CatalogError> {
        let rows = sqlx::query(
            "SELECT id FROM software WHERE organisation_id = $1 AND listed = 1 ORDER BY name, id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| r.try_get(0).map_err(CatalogError::from))
            .collect()
    }
}

/// Takes an exclusive lock on `<database file>.lock`, waiting for other holders; the lock goes
/// with the returned file.
async fn lock_beside(sqlite_url: &str) -> Result<std::fs::File, CatalogError> {
    let path = sqlite_url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string();
    let lock_path = format!("{path}.lock");
    tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(|e| CatalogError::Corrupt(format!("migration lock: {e}")))?
    .map_err(|cause| CatalogError::Io {
        path: format!("{path}.lock"),
        cause,
    })
}

/// What ingesting a file needs that no database is needed for: its validation, hash and
/// serialised forms. Computing it is the CPU-heavy part of an ingestion.
#[derive(Debug, Clone)]
pub struct Prepared {
    hash: String,
    raw: String,
    valid: bool,
    version: Option<String>,
    errors: String,
    warnings: String,
    problem: Option<String>,
    model: Option<String>,
    name: Option<String>,
    organisation: Option<commons_publiccode::model::Organisation>,
}

impl Prepared {
    /// Validates and serialises a request's file.
    pub fn new(request: &IngestRequest) -> Result<Prepared, CatalogError> {
        let validation = validate(&request.source, &Options::default());
        let errors: Vec<&Diagnostic> = validation.errors().collect();
        let warnings: Vec<&Diagnostic> = validation.warnings().collect();
        // Counted, not listed: the list stops at the validator's cap.
        let error_count = validation.error_count();
        let problem = errors.first().map(|e| {
            let more = if error_count > 1 {
                format!(" (and {} more)", error_count - 1)
            } else {
                String::new()
            };
            format!("{}: {}{more}", e.key, e.message)
        });
        let model: Option<&PublicCode> = validation.publiccode.as_ref();
        Ok(Prepared {
            hash: hex::encode(Sha256::digest(&request.source)),
            // Stored as text: invalid UTF-8 and NUL (which PostgreSQL text cannot hold) are
            // replaced; the hash is of the bytes as found.
            raw: String::from_utf8_lossy(&request.source).replace('\0', "\u{fffd}"),
            valid: validation.is_valid(),
            version: validation.version.clone(),
            errors: serde_json::to_string(&errors)?,
            warnings: serde_json::to_string(&warnings)?,
            problem,
            model: model.map(serde_json::to_string).transpose()?,
            name: model.map(|p| p.name.clone()),
            organisation: model.and_then(|p| p.organisation.clone()),
        })
    }
}

/// Files the entry under `publisher` (creating or renaming the organisation), with change
/// number `seq`.
async fn set_organisation(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    publisher: &Publisher,
    at: i64,
    seq: i64,
) -> Result<(), CatalogError> {
    upsert_organisation_row(
        tx,
        &publisher.id,
        &publisher.name,
        publisher.uri.as_deref(),
        at,
    )
    .await?;
    sqlx::query("UPDATE software SET organisation_id = $2, seq = $3 WHERE id = $1")
        .bind(software_id)
        .bind(&publisher.id)
        .bind(seq)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn upsert_organisation_row(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    name: &str,
    uri: Option<&str>,
    at: i64,
) -> Result<(), CatalogError> {
    let before = sqlx::query("SELECT name, uri FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| {
            Ok::<_, CatalogError>((
                r.try_get::<String, _>(0)?,
                r.try_get::<Option<String>, _>(1)?,
            ))
        })
        .transpose()?;
    let after_uri = uri
        .map(str::to_string)
        .or_else(|| before.as_ref().and_then(|b| b.1.clone()));
    if before.as_ref() == Some(&(name.to_string(), after_uri.clone())) {
        // Nothing changes: the common case of a crawl, with nothing to record.
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO organisations (id, name, uri, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, \
         uri = COALESCE(excluded.uri, organisations.uri)",
    )
    .bind(id)
    .bind(name)
    .bind(uri)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    let target = format!("organisation:{id}");
    crate::audit::append(
        tx,
        &crate::audit::AuditEvent {
            actor: crate::audit::CATALOG_WRITER,
            action: if before.is_some() {
                "organisation.update"
            } else {
                "organisation.create"
            },
            target: &target,
            before: before.map(|(name, uri)| serde_json::json!({ "name": name, "uri": uri })),
            after: Some(serde_json::json!({ "name": name, "uri": after_uri })),
            at,
        },
    )
    .await?;
    Ok(())
}

/// Creates organisation `id` named `name` when the catalog does not have it (an existing one
/// keeps its name), recording the creation on behalf of `actor`.
pub(crate) async fn ensure_organisation(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    name: &str,
    actor: &str,
    at: i64,
) -> Result<(), CatalogError> {
    let created = sqlx::query(
        "INSERT INTO organisations (id, name, uri, created_at) VALUES ($1, $2, NULL, $3) \
         ON CONFLICT (id) DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(name)
    .bind(at)
    .fetch_optional(&mut **tx)
    .await?;
    if created.is_some() {
        crate::audit::append(
            tx,
            &crate::audit::AuditEvent {
                actor,
                action: "organisation.create",
                target: &format!("organisation:{id}"),
                before: None,
                after: Some(serde_json::json!({ "name": name, "uri": null })),
                at,
            },
        )
        .await?;
    }
    Ok(())
}

/// Makes `source` (a peer catalog's id, or none for the direct crawl) the entry's source and
/// lists it again if its former source had withdrawn it.
async fn set_source(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    software_id: &str,
    source: Option<&str>,
    seq: i64,
) -> Result<(), CatalogError> {
    sqlx::query(
        "UPDATE software SET via_catalog = $2, withdrawn = NULL, \
         listed = CASE WHEN live_revision_id IS NULL OR hidden = 1 THEN 0 ELSE 1 END, seq = $3 \
         WHERE id = $1",
    )
    .bind(software_id)
    .bind(source)
    .bind(seq)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Takes the next change number inside a write.
pub(crate) async fn next_seq(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
) -> Result<i64, CatalogError> {
    let row =
        sqlx::query("UPDATE counters SET value = value + 1 WHERE name = 'changes' RETURNING value")
            .fetch_one(&mut **tx)
            .await?;
    Ok(row.try_get(0)?)
}

fn organisation_from_row(r: &AnyRow) -> Result<Organisation, CatalogError> {
    Ok(Organisation {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        uri: r.try_get(2)?,
        software_count: r.try_get(3)?,
    })
}

pub(crate) fn software_from_row(r: &AnyRow) -> Result<Software, CatalogError> {
    let forge: String = r.try_get(2)?;
    let publiccode: Option<String> = r.try_get(11)?;
    let warnings: Option<String> = r.try_get(15)?;
    let assessment_facets: Option<String> = r.try_get(16)?;
    Ok(Software {
        id: r.try_get(0)?,
        repository_url: r.try_get(1)?,
        forge: ForgeKind::parse(&forge).ok_or(CatalogError::Corrupt(format!("forge {forge}")))?,
        default_branch: r.try_get(3)?,
        last_commit: r.try_get(4)?,
        organisation_id: r.try_get(5)?,
        name: r.try_get(6)?,
        listed: r.try_get::<i64, _>(7)? != 0,
        problem: r.try_get(8)?,
        live_revision_id: r.try_get(9)?,
        latest_revision_id: r.try_get(10)?,
        publiccode: publiccode
            .map(|p| serde_json::from_str::<Option<PublicCode>>(&p))
            .transpose()?
            .flatten(),
        warnings: warnings
            .map(|w| serde_json::from_str(&w))
            .transpose()?
            .unwrap_or_default(),
        created_at: r.try_get(12)?,
        updated_at: r.try_get(13)?,
        seq: r.try_get(14)?,
        assessment_facets: assessment_facets
            .map(|f| serde_json::from_str(&f))
            .transpose()?,
    })
}
