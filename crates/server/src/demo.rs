//! The built-in demo catalog (`commons serve --demo`): loaded only into an empty catalog, then
//! assessed like crawled entries, from a repository made for each entry
//! ([`commons_demo::repository`]) under `<data>/demo-repositories`.

use commons_app::worker::AssessWorker;
use commons_app::{Recorded, Recording, Runner, assess_and_record};
use commons_catalog::{Catalog, CatalogError, ForgeKind, IngestOutcome, IngestRequest, Publisher};
use commons_demo::DemoEntry;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// What loading the demo did.
#[derive(Debug, Clone, Copy, Default)]
pub struct DemoLoaded {
    /// Entries loaded (0 when the catalog was not empty).
    pub entries: usize,
    /// Entries assessed (fewer when git is missing or an assessment failed; the log says why).
    pub assessed: usize,
}

/// Loads the demo entries when the catalog has no entry at all, and assesses them.
/// With a worker program, each assessment runs in a child process.
pub async fn load_if_empty(
    catalog: &Catalog,
    data_dir: &Path,
    worker: Option<AssessWorker>,
) -> Result<DemoLoaded, CatalogError> {
    if catalog.count(true).await? > 0 {
        return Ok(DemoLoaded::default());
    }
    let loaded = load_entries(catalog).await?;
    // The demo has no OSV export: a worker is pointed at no data directory's.
    let runner = match worker {
        Some(worker) => Runner::Worker(worker, data_dir.join("demo-repositories")),
        None => Runner::InProcess(None),
    };
    let assessed = assess(
        catalog,
        &data_dir.join("demo-repositories"),
        &loaded,
        runner,
    )
    .await?;
    Ok(DemoLoaded {
        entries: loaded.len(),
        assessed,
    })
}

/// Loads every demo entry (each in its own transaction, like any ingestion), without
/// assessments; returns how many were loaded.
pub async fn load(catalog: &Catalog) -> Result<usize, CatalogError> {
    Ok(load_entries(catalog).await?.len())
}

/// Loads the security fixture ([`commons_demo::security_fixture`]) beside the demo, for tests:
/// an entry whose texts hold markup and script payloads.
pub async fn load_security_fixture(catalog: &Catalog) -> Result<IngestOutcome, CatalogError> {
    ingest_entry(catalog, &commons_demo::security_fixture(), unix_now()).await
}

async fn load_entries(
    catalog: &Catalog,
) -> Result<Vec<(&'static DemoEntry, IngestOutcome)>, CatalogError> {
    let now = unix_now();
    let mut loaded = Vec::new();
    for entry in commons_demo::entries() {
        loaded.push((entry, ingest_entry(catalog, entry, now).await?));
    }
    Ok(loaded)
}

async fn ingest_entry(
    catalog: &Catalog,
    entry: &DemoEntry,
    now: i64,
) -> Result<IngestOutcome, CatalogError> {
    let publisher = commons_demo::publishers()
        .iter()
        .find(|p| p.id == entry.publisher_id)
        .map(|p| Publisher {
            id: p.id.to_string(),
            name: p.name.to_string(),
            uri: p.uri.map(str::to_string),
        });
    let validation = commons_publiccode::validate(entry.source.as_bytes(), &Default::default());
    let repository_url = validation
        .publiccode
        .as_ref()
        .map(|p| p.url.clone())
        .unwrap_or_else(|| format!("https://demo.example/{}", entry.file));
    catalog
        .ingest(&IngestRequest {
            repository_url,
            forge: ForgeKind::Demo,
            default_branch: Some("main".into()),
            commit: None,
            publisher,
            source: entry.source.as_bytes().to_vec(),
            seen_at: now - i64::from(entry.age_days) * 86_400,
        })
        .await
}

/// Makes each entry's repository and records its assessment, a few at a time (one per core);
/// returns how many were assessed. A repository that cannot be made (no `git`) or assessed is
/// logged and skipped: the demo catalog is still served.
async fn assess(
    catalog: &Catalog,
    root: &Path,
    loaded: &[(&'static DemoEntry, IngestOutcome)],
    runner: Runner,
) -> Result<usize, CatalogError> {
    if let Err(e) = Command::new("git").arg("--version").output() {
        tracing::warn!(error = %e, "demo entries not assessed: making their repositories needs git");
        return Ok(0);
    }
    let now = unix_now();
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let permits = Arc::new(tokio::sync::Semaphore::new(cores));
    let mut tasks = tokio::task::JoinSet::new();
    for &(entry, ref outcome) in loaded {
        let (catalog, permits, runner) = (catalog.clone(), Arc::clone(&permits), runner.clone());
        let git_dir = root.join(entry.file.trim_end_matches(".yml").to_string() + ".git");
        let (software_id, revision_id) = (outcome.software_id.clone(), outcome.revision_id);
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            let made = {
                let git_dir = git_dir.clone();
                tokio::task::spawn_blocking(move || make_repository(&git_dir, entry, now)).await
            };
            let commit = match made
                .map_err(|e| e.to_string())
                .and_then(|made| made.map_err(|e| e.to_string()))
            {
                Ok(commit) => commit,
                Err(e) => {
                    tracing::warn!(entry = entry.file, error = %e, "demo repository not made");
                    return Ok(false);
                }
            };
            let publiccode =
                commons_publiccode::validate(entry.source.as_bytes(), &Default::default())
                    .publiccode;
            let recorded = assess_and_record(
                &catalog,
                Recording {
                    git_dir: &git_dir,
                    commit: &commit,
                    software_id: &software_id,
                    revision_id,
                    publiccode,
                    runner,
                },
            )
            .await?;
            if let Recorded::Failed(why) = &recorded {
                tracing::warn!(entry = entry.file, error = %why, "demo entry not assessed");
            }
            Ok::<_, CatalogError>(matches!(recorded, Recorded::Assessed(_)))
        });
    }
    let mut assessed = 0;
    while let Some(done) = tasks.join_next().await {
        match done {
            Ok(Ok(true)) => assessed += 1,
            Ok(Ok(false)) => {}
            Ok(Err(e)) => return Err(e),
            Err(e) => tracing::warn!(error = %e, "demo assessment stopped"),
        }
    }
    Ok(assessed)
}

/// Writes the entry's demo history into a new bare repository at `git_dir` with
/// `git fast-import`; returns the commit of HEAD.
fn make_repository(git_dir: &Path, entry: &DemoEntry, now: i64) -> std::io::Result<String> {
    let stream = commons_demo::repository::history(entry, now)
        .ok_or_else(|| std::io::Error::other("the entry does not validate"))?;
    if git_dir.exists() {
        // Left by an earlier demo load whose catalog was then emptied.
        std::fs::remove_dir_all(git_dir)?;
    }
    std::fs::create_dir_all(git_dir)?;
    git(git_dir, &["init", "-q", "--bare", "-b", "main"], None)?;
    git(git_dir, &["fast-import", "--quiet"], Some(&stream))?;
    let head = git(git_dir, &["rev-parse", "HEAD"], None)?;
    Ok(String::from_utf8_lossy(&head).trim().to_string())
}

fn git(dir: &Path, args: &[&str], input: Option<&[u8]>) -> std::io::Result<Vec<u8>> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env_remove("GIT_DIR")
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(bytes)?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(std::io::Error::other(format!(
            "git {}: {}",
            args[0],
            stderr.lines().next().unwrap_or("failed")
        )));
    }
    Ok(out.stdout)
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
