//! Backups taken while the catalog serves and writes, restores, and the integrity check that a
//! restored or upgraded catalog must pass.
//!
//! - SQLite: `VACUUM INTO` copies the database inside one read transaction, so the copy holds
//!   exactly what was committed when it began; in WAL mode writers go on meanwhile. The copy is
//!   written beside the destination under a temporary name, checked, synced and then renamed,
//!   so a file at the destination is always a whole, checked backup.
//! - PostgreSQL: `pg_dump --format=custom`, which also reads one snapshot; restored with
//!   `pg_restore` in a single transaction into an empty database.
//!
//! A restore never writes over a catalog: it fills an empty place, and brings the schema up
//! to date with the migrations, so a backup of an earlier version restores into this one.

use crate::error::CatalogError;
use crate::store::{Backend, Catalog};
use sqlx::Row;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
/// The first bytes of a `pg_dump --format=custom` archive.
const PG_DUMP_MAGIC: &[u8] = b"PGDMP";

/// What a catalog holds, counted: what a backup, a restore or an upgrade must keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CatalogSummary {
    /// Software entries, listed or not.
    pub entries: i64,
    /// Revisions (every distinct publiccode.yml ingested).
    pub revisions: i64,
    /// Organisations.
    pub organisations: i64,
    /// Stored assessments.
    pub assessments: i64,
    /// Publishers' declarations, withdrawn ones included.
    pub declarations: i64,
    /// Publisher tokens, revoked ones included.
    pub tokens: i64,
    /// Webhook secrets, every generation.
    pub hook_secrets: i64,
    /// Crawl outcomes recorded.
    pub crawl_outcomes: i64,
    /// The change sequence's last number.
    pub last_change: i64,
}

/// What kind of backup a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupFormat {
    /// A SQLite database (from `commons backup` of a SQLite catalog).
    Sqlite,
    /// A `pg_dump` custom-format archive (from `commons backup` of a PostgreSQL catalog).
    PgDump,
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> CatalogError + '_ {
    move |cause| CatalogError::Io {
        path: path.display().to_string(),
        cause,
    }
}

/// The format of the backup in `file`, from its first bytes.
pub fn backup_format(file: &Path) -> Result<BackupFormat, CatalogError> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut opened = std::fs::File::open(file).map_err(io_error(file))?;
    let read = opened.read(&mut head).map_err(io_error(file))?;
    if head[..read].starts_with(SQLITE_MAGIC) {
        Ok(BackupFormat::Sqlite)
    } else if head[..read].starts_with(PG_DUMP_MAGIC) {
        Ok(BackupFormat::PgDump)
    } else {
        Err(CatalogError::Backup(format!(
            "{} is neither a SQLite backup nor a pg_dump archive",
            file.display()
        )))
    }
}

/// `dir/.name.partial`: where a file is written before it is renamed into place.
fn partial_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned());
    dest.with_file_name(format!(".{name}.partial"))
}

/// Refuses a destination that exists: a backup never replaces another file.
fn refuse_existing(dest: &Path) -> Result<(), CatalogError> {
    if dest.exists() {
        return Err(CatalogError::Backup(format!(
            "{} exists already: a backup never replaces a file",
            dest.display()
        )));
    }
    Ok(())
}

/// Syncs `file` and renames it to `dest`, then syncs the directory, so that after a crash the
/// destination is either absent or whole.
fn sync_and_rename(file: &Path, dest: &Path) -> Result<(), CatalogError> {
    std::fs::File::open(file)
        .and_then(|f| f.sync_all())
        .map_err(io_error(file))?;
    std::fs::rename(file, dest).map_err(io_error(dest))?;
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io_error(dir))?;
    }
    Ok(())
}

impl Catalog {
    /// Counts what the catalog holds.
    pub async fn summary(&self) -> Result<CatalogSummary, CatalogError> {
        let count = |table: &'static str| async move {
            let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&self.pool)
                .await?;
            Ok::<i64, CatalogError>(row.try_get(0)?)
        };
        Ok(CatalogSummary {
            entries: count("software").await?,
            revisions: count("revisions").await?,
            organisations: count("organisations").await?,
            assessments: count("assessments").await?,
            declarations: count("declarations").await?,
            tokens: count("publisher_tokens").await?,
            hook_secrets: count("webhook_secrets").await?,
            crawl_outcomes: count("crawl_outcomes").await?,
            last_change: self.max_seq().await?,
        })
    }

    /// Checks what the catalog promises about itself; the problems found (none: sound). On
    /// SQLite the engine's own checks come first (pages, indexes, foreign keys).
    pub async fn check_integrity(&self) -> Result<Vec<String>, CatalogError> {
        let mut problems = Vec::new();
        if self.backend == Backend::Sqlite {
            for row in sqlx::query("PRAGMA integrity_check")
                .fetch_all(&self.pool)
                .await?
            {
                let line: String = row.try_get(0)?;
                if line != "ok" {
                    problems.push(format!("SQLite integrity: {line}"));
                }
            }
            let broken = sqlx::query("PRAGMA foreign_key_check")
                .fetch_all(&self.pool)
                .await?;
            if !broken.is_empty() {
                problems.push(format!("{} rows break a foreign key", broken.len()));
            }
        }
        let checks: [(&str, &str); 5] = [
            (
                "entries whose live revision is missing or another entry's",
                "SELECT COUNT(*) FROM software s WHERE s.live_revision_id IS NOT NULL AND NOT EXISTS \
                 (SELECT 1 FROM revisions r WHERE r.id = s.live_revision_id AND r.software_id = s.id)",
            ),
            (
                "entries whose latest revision is missing or another entry's",
                "SELECT COUNT(*) FROM software s WHERE s.latest_revision_id IS NOT NULL AND NOT EXISTS \
                 (SELECT 1 FROM revisions r WHERE r.id = s.latest_revision_id AND r.software_id = s.id)",
            ),
            (
                "revisions of no entry",
                "SELECT COUNT(*) FROM revisions r WHERE NOT EXISTS \
                 (SELECT 1 FROM software s WHERE s.id = r.software_id)",
            ),
            (
                "assessments of no entry",
                "SELECT COUNT(*) FROM assessments a WHERE NOT EXISTS \
                 (SELECT 1 FROM software s WHERE s.id = a.software_id)",
            ),
            (
                "entries changed after the change counter",
                "SELECT COUNT(*) FROM software s WHERE s.seq > \
                 (SELECT value FROM counters WHERE name = 'changes')",
            ),
        ];
        for (what, sql) in checks {
            let row = sqlx::query(sql).fetch_one(&self.pool).await?;
            let n: i64 = row.try_get(0)?;
            if n > 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(problems)
    }

    /// Writes a consistent backup of this SQLite catalog to `dest` (which must not exist)
    /// while the catalog goes on serving and writing; checks the copy before it takes the
    /// destination's name. Returns the backup's size and what it holds.
    pub async fn backup_sqlite(&self, dest: &Path) -> Result<(u64, CatalogSummary), CatalogError> {
        if self.backend != Backend::Sqlite {
            return Err(CatalogError::Backup(
                "this catalog is in PostgreSQL: back it up with pg_dump (see backup_postgres)"
                    .into(),
            ));
        }
        refuse_existing(dest)?;
        let partial = partial_path(dest);
        let _ = std::fs::remove_file(&partial);
        let target = partial.to_str().ok_or_else(|| {
            CatalogError::Backup(format!("{} is not a UTF-8 path", partial.display()))
        })?;
        let quoted = target.replace('\'', "''");
        let copied = sqlx::query(sqlx::AssertSqlSafe(format!("VACUUM INTO '{quoted}'")))
            .execute(&self.pool)
            .await;
        if let Err(error) = copied {
            let _ = std::fs::remove_file(&partial);
            return Err(error.into());
        }
        let checked = check_backup_file(&partial).await;
        let summary = match checked {
            Ok(summary) => summary,
            Err(error) => {
                let _ = std::fs::remove_file(&partial);
                return Err(error);
            }
        };
        sync_and_rename(&partial, dest)?;
        let bytes = std::fs::metadata(dest).map_err(io_error(dest))?.len();
        Ok((bytes, summary))
    }
}

/// Opens a SQLite backup read-only and checks it; what it holds.
async fn check_backup_file(file: &Path) -> Result<CatalogSummary, CatalogError> {
    let url = format!("sqlite://{}?mode=ro", file.display());
    let backup = Catalog::open_existing(&url).await?;
    let problems = backup.check_integrity().await;
    let summary = backup.summary().await;
    backup.close().await;
    let problems = problems?;
    if !problems.is_empty() {
        return Err(CatalogError::Backup(format!(
            "{} fails its integrity check: {}",
            file.display(),
            problems.join("; ")
        )));
    }
    summary
}

/// Writes a `pg_dump` archive of the PostgreSQL catalog at `url` to `dest` (which must not
/// exist), through a temporary name. `pg_dump` reads one snapshot, so writes may go on.
pub fn backup_postgres(url: &str, dest: &Path) -> Result<u64, CatalogError> {
    refuse_existing(dest)?;
    let partial = partial_path(dest);
    let _ = std::fs::remove_file(&partial);
    let output = Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
        .arg(&partial)
        .arg("--dbname")
        .arg(url)
        .output()
        .map_err(|e| CatalogError::Backup(format!("pg_dump could not start: {e}")))?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&partial);
        return Err(CatalogError::Backup(format!(
            "pg_dump failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    sync_and_rename(&partial, dest)?;
    Ok(std::fs::metadata(dest).map_err(io_error(dest))?.len())
}

/// Restores a SQLite backup into `data_dir`, which must hold no catalog yet: copied under a
/// temporary name, checked, renamed into place, then opened, which brings its schema up to
/// date. The search index is not in the backup: the caller rebuilds it from the catalog.
pub async fn restore_sqlite(backup: &Path, data_dir: &Path) -> Result<Catalog, CatalogError> {
    if backup_format(backup)? != BackupFormat::Sqlite {
        return Err(CatalogError::Backup(format!(
            "{} is a pg_dump archive: restore it into PostgreSQL with --database",
            backup.display()
        )));
    }
    let dest = data_dir.join("commons.db");
    if dest.exists() {
        return Err(CatalogError::Backup(format!(
            "{} holds a catalog already: restore into an empty data directory",
            data_dir.display()
        )));
    }
    std::fs::create_dir_all(data_dir).map_err(io_error(data_dir))?;
    let partial = partial_path(&dest);
    std::fs::copy(backup, &partial).map_err(io_error(&partial))?;
    if let Err(error) = check_backup_file(&partial).await {
        let _ = std::fs::remove_file(&partial);
        return Err(error);
    }
    sync_and_rename(&partial, &dest)?;
    Catalog::open(None, data_dir).await
}

/// Restores a `pg_dump` archive into the PostgreSQL database at `url`, which must hold no
/// catalog yet, in one transaction (all or nothing); then opens it, which brings its schema up
/// to date.
pub async fn restore_postgres(backup: &Path, url: &str) -> Result<Catalog, CatalogError> {
    if backup_format(backup)? != BackupFormat::PgDump {
        return Err(CatalogError::Backup(format!(
            "{} is a SQLite backup: restore it into a data directory (without --database)",
            backup.display()
        )));
    }
    {
        let empty = Catalog::open_existing(url).await?;
        let row = sqlx::query(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
        )
        .fetch_one(&empty.pool)
        .await;
        empty.close().await;
        let tables: i64 = row?.try_get(0)?;
        if tables > 0 {
            return Err(CatalogError::Backup(
                "the database holds tables already: restore into an empty database".into(),
            ));
        }
    }
    let output = Command::new("pg_restore")
        .args([
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--dbname",
        ])
        .arg(url)
        .arg(backup)
        .output()
        .map_err(|e| CatalogError::Backup(format!("pg_restore could not start: {e}")))?;
    if !output.status.success() {
        return Err(CatalogError::Backup(format!(
            "pg_restore failed (nothing was restored): {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Catalog::open(Some(url), Path::new(".")).await
}
