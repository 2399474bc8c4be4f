//! `commons backup` and `commons restore`: a consistent copy of the catalog taken while it
//! serves, and a data directory (or an empty PostgreSQL database) rebuilt from one.

use crate::store_args::{StoreArgs, init_logging, runtime};
use clap::Args as ClapArgs;
use commons_catalog::{Catalog, CatalogSummary};
use commons_search::SearchIndex;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// `commons backup` arguments.
#[derive(ClapArgs, Debug)]
pub struct BackupArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Where to write the backup (must not exist): a SQLite database for a SQLite catalog, a
    /// pg_dump archive for PostgreSQL.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// `commons restore` arguments.
#[derive(ClapArgs, Debug)]
pub struct RestoreArgs {
    /// The backup to restore (from `commons backup`).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    store: StoreArgs,
}

fn describe(summary: &CatalogSummary) -> String {
    format!(
        "{} entries, {} revisions, {} organisations, {} assessments, {} declarations, {} tokens, \
         {} webhook secrets, {} crawl outcomes; last change {}",
        summary.entries,
        summary.revisions,
        summary.organisations,
        summary.assessments,
        summary.declarations,
        summary.tokens,
        summary.hook_secrets,
        summary.crawl_outcomes,
        summary.last_change
    )
}

/// Writes the backup; exit 2 when it cannot be made (nothing is left at the destination).
pub fn run_backup(args: BackupArgs) -> ExitCode {
    init_logging();
    match runtime().and_then(|rt| rt.block_on(backup(args))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons backup: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn backup(args: BackupArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    match args.store.database.as_deref() {
        Some(url) if !url.starts_with("sqlite:") => {
            let bytes = commons_catalog::backup_postgres(url, &args.file)?;
            eprintln!(
                "Backed up the PostgreSQL catalog to {} ({bytes} bytes, pg_dump archive) in {:.1} s.",
                args.file.display(),
                started.elapsed().as_secs_f64()
            );
        }
        database => {
            let catalog = Catalog::open(database, &args.store.data_dir).await?;
            let result = catalog.backup_sqlite(&args.file).await;
            catalog.close().await;
            let (bytes, summary) = result?;
            eprintln!(
                "Backed up {} to {} ({bytes} bytes) in {:.1} s; integrity checked.",
                describe(&summary),
                args.file.display(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}

/// Restores the backup and rebuilds the search index; exit 2 when it cannot (the target is
/// left as it was).
pub fn run_restore(args: RestoreArgs) -> ExitCode {
    init_logging();
    match runtime().and_then(|rt| rt.block_on(restore(args))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons restore: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn restore(args: RestoreArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let catalog = match args.store.database.as_deref() {
        Some(url) if !url.starts_with("sqlite:") => {
            commons_catalog::restore_postgres(&args.file, url).await?
        }
        Some(_) => anyhow::bail!(
            "restore a SQLite backup into a data directory (--data), not a sqlite:// URL"
        ),
        None => commons_catalog::restore_sqlite(&args.file, &args.store.data_dir).await?,
    };
    let problems = catalog.check_integrity().await?;
    if !problems.is_empty() {
        catalog.close().await;
        anyhow::bail!(
            "the restored catalog fails its integrity check: {}",
            problems.join("; ")
        );
    }
    let summary = catalog.summary().await?;
    let index_dir = args.store.data_dir.join("index");
    let (index, _) = SearchIndex::open_or_create(&index_dir)?;
    let indexed = commons_app::indexer::rebuild(&catalog, &Arc::new(index)).await?;
    catalog.close().await;
    eprintln!(
        "Restored {} from {}; integrity checked; {indexed} listed entries indexed in {} ({:.1} s).",
        describe(&summary),
        args.file.display(),
        index_dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
