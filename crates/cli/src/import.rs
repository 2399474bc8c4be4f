//! `commons import`: records publiccode.yml files from files, directories and local git
//! repositories into the catalog, then brings the search index up to date.
//!
//! A file names its repository (its `url`, or the git remote), and that decides which entry
//! it writes; so an import states whose files they are (`--publisher`), and each repository
//! must lie in that publisher's hosting in the registry (`--publishers FILE`), or the operator
//! vouches for them (`--force-owner`). Otherwise a file could take over another publisher's
//! entry by naming its repository.

use crate::store_args::{StoreArgs, init_logging, runtime};
use anyhow::Context;
use clap::Args as ClapArgs;
use commons_catalog::{Catalog, Change, ForgeKind, IngestRequest, Prepared, Publisher};
use commons_publiccode::MAX_FILE_SIZE;
use commons_search::{SearchError, SearchIndex};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// `commons import` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// publiccode.yml files, directories (searched recursively; a directory holding a git
    /// repository is read at HEAD) or local git repositories, bare or not.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
    /// The publisher whose entries these are (its id, [a-z0-9-]+); the files' `organisation`
    /// key does not decide.
    #[arg(long, value_name = "ID", value_parser = parse_publisher_id)]
    publisher: String,
    /// The publisher's display name (default: the registry's, else the id).
    #[arg(long, value_name = "NAME")]
    publisher_name: Option<String>,
    /// The publishers registry: each repository imported must lie in a hosting location of
    /// --publisher there, or its file is refused (nothing recorded).
    #[arg(
        long = "publishers",
        value_name = "FILE",
        required_unless_present = "force_owner"
    )]
    registry: Option<PathBuf>,
    /// Record every file under --publisher without checking its repository against a
    /// registry (the operator vouches that the repositories are the publisher's).
    #[arg(long, conflicts_with = "registry")]
    force_owner: bool,
    #[command(flatten)]
    worker: crate::assess_worker::WorkerArgs,
}

fn parse_publisher_id(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(s.to_string())
    } else {
        Err("a publisher id is 1 to 64 characters of a-z, 0-9 and -".into())
    }
}

/// Where one publiccode.yml comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A file on disk.
    File(PathBuf),
    /// A git repository (its work tree or bare directory), read at HEAD.
    Git(PathBuf),
}

impl Source {
    fn path(&self) -> &Path {
        match self {
            Source::File(p) | Source::Git(p) => p,
        }
    }
}

/// What one source yielded, ready to ingest.
struct Loaded {
    repository_url: String,
    commit: Option<String>,
    default_branch: Option<String>,
    bytes: Vec<u8>,
}

/// Files recorded per transaction by an import.
const BATCH: usize = 256;

/// Imports; exit 0 when every source was read and recorded (invalid files are recorded as
/// such, not listed), 2 when a path cannot be used or the catalog fails.
pub fn run(args: Args) -> ExitCode {
    init_logging();
    let owner = match Owner::from_args(&args) {
        Ok(owner) => owner,
        Err(e) => {
            eprintln!("commons import: {e}");
            return ExitCode::from(2);
        }
    };
    let sources = match collect(&args.paths) {
        Ok(sources) => sources,
        Err(e) => {
            eprintln!("commons import: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime().and_then(|rt| rt.block_on(import(&args, owner, sources))) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(e) => {
            eprintln!("commons import: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_git_repository(dir: &Path) -> bool {
    dir.join(".git").exists()
        || (dir.join("HEAD").is_file() && dir.join("objects").is_dir() && dir.join("refs").is_dir())
}

fn is_publiccode_name(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some("publiccode.yml" | "publiccode.yaml")
    )
}

/// Turns the paths given into sources, refusing missing ones before anything is written.
fn collect(paths: &[PathBuf]) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_file() {
            sources.push(Source::File(path.clone()));
        } else if meta.is_dir() {
            collect_dir(path, &mut sources)?;
        } else {
            return Err(format!("{}: not a file or directory", path.display()));
        }
    }
    sources.dedup();
    Ok(sources)
}

fn collect_dir(root: &Path, sources: &mut Vec<Source>) -> Result<(), String> {
    if is_git_repository(root) {
        sources.push(Source::Git(root.to_path_buf()));
        return Ok(());
    }
    let mut walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            let hidden = entry.depth() > 0
                && entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with('.'));
            if hidden {
                walker.skip_current_dir();
            } else if entry.depth() > 0 && is_git_repository(path) {
                sources.push(Source::Git(path.to_path_buf()));
                walker.skip_current_dir();
            }
        } else if entry.file_type().is_file() && is_publiccode_name(path) {
            sources.push(Source::File(path.to_path_buf()));
        }
    }
    Ok(())
}

/// Reads at most one byte more than the validator accepts, so a huge file costs nothing and
/// still gets the validator's "too large" verdict.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_SIZE as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The `url` the document declares, read even from an invalid document, so that an entry
/// keeps its identity whether or not its latest file validates.
fn declared_url(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let root = commons_publiccode::yaml::load(text).ok()??;
    let (url, _) = root.get("url")?.as_scalar()?;
    let url = url.trim();
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_string())
}

fn file_url(dir: &Path) -> String {
    let absolute = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    format!("file://{}", absolute.display())
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

fn git_text(dir: &Path, args: &[&str]) -> Option<String> {
    git(dir, args)
        .ok()
        .map(|out| String::from_utf8_lossy(&out).trim().to_string())
        .filter(|s| !s.is_empty())
}

fn load(source: &Source) -> Result<Loaded, String> {
    match source {
        Source::File(path) => {
            let bytes = read_capped(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let dir = path.parent().unwrap_or(Path::new("."));
            let repository_url = declared_url(&bytes).unwrap_or_else(|| file_url(dir));
            Ok(Loaded {
                repository_url,
                commit: None,
                default_branch: None,
                bytes,
            })
        }
        Source::Git(dir) => load_git(dir),
    }
}

/// Reads publiccode.yml (or .yaml) from HEAD's tree: never from the work tree, never through
/// a symbolic link, never more than the size limit.
fn load_git(dir: &Path) -> Result<Loaded, String> {
    let at = |e: String| format!("{}: {e}", dir.display());
    let commit = git_text(dir, &["rev-parse", "--verify", "HEAD^{commit}"])
        .ok_or_else(|| at("the repository has no commit at HEAD".into()))?;
    let mut found = None;
    for name in ["publiccode.yml", "publiccode.yaml"] {
        let listing = git_text(dir, &["ls-tree", "HEAD", "--", name]).unwrap_or_default();
        if let Some(line) = listing.lines().next() {
            found = Some((name, line.to_string()));
            break;
        }
    }
    let (name, listing) = found.ok_or_else(|| at("no publiccode.yml at HEAD".into()))?;
    let mode = listing.split_whitespace().next().unwrap_or("");
    if mode != "100644" && mode != "100755" {
        return Err(at(format!(
            "{name} at HEAD is not a regular file (mode {mode}): refused"
        )));
    }
    let size: u64 = git_text(dir, &["cat-file", "-s", &format!("HEAD:{name}")])
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let bytes = if size > MAX_FILE_SIZE as u64 {
        // Enough to make the validator say "too large" without reading it all.
        vec![b' '; MAX_FILE_SIZE + 1]
    } else {
        git(dir, &["cat-file", "blob", &format!("HEAD:{name}")]).map_err(at)?
    };
    let repository_url = git_text(dir, &["config", "--get", "remote.origin.url"])
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .or_else(|| declared_url(&bytes))
        .unwrap_or_else(|| file_url(dir));
    Ok(Loaded {
        repository_url,
        commit: Some(commit),
        default_branch: git_text(dir, &["symbolic-ref", "--short", "-q", "HEAD"]),
        bytes,
    })
}

/// Whose entries the imported files are, and how their repositories are checked.
#[derive(Clone)]
struct Owner {
    publisher: Publisher,
    /// The registry the repositories must lie in (`None`: --force-owner).
    registry: Option<(PathBuf, Arc<commons_crawler::Registry>)>,
}

impl Owner {
    fn from_args(args: &Args) -> Result<Owner, String> {
        let Some(path) = &args.registry else {
            return Ok(Owner {
                publisher: Publisher {
                    id: args.publisher.clone(),
                    name: args
                        .publisher_name
                        .clone()
                        .unwrap_or_else(|| args.publisher.clone()),
                    uri: None,
                },
                registry: None,
            });
        };
        let registry = commons_crawler::Registry::load(path).map_err(|errors| {
            let shown: Vec<String> = errors
                .iter()
                .map(|e| format!("{}:{e}", path.display()))
                .collect();
            format!("the publishers registry is invalid:\n{}", shown.join("\n"))
        })?;
        let entry = registry
            .publishers
            .iter()
            .find(|p| p.id == args.publisher)
            .ok_or_else(|| {
                format!(
                    "no publisher {:?} in the registry {}",
                    args.publisher,
                    path.display()
                )
            })?;
        let mut publisher = entry.to_catalog();
        if let Some(name) = &args.publisher_name {
            publisher.name = name.clone();
        }
        Ok(Owner {
            publisher,
            registry: Some((path.clone(), Arc::new(registry))),
        })
    }

    /// Refuses a repository outside the publisher's hosting (when there is a registry).
    fn check(&self, source: &Source, repository_url: &str) -> Result<(), String> {
        let Some((path, registry)) = &self.registry else {
            return Ok(());
        };
        let owner = commons_publiccode::RepositoryUrl::parse(repository_url)
            .ok()
            .and_then(|url| registry.owner_of(&url).map(|(p, _)| p.id.clone()));
        if owner.as_deref() == Some(self.publisher.id.as_str()) {
            return Ok(());
        }
        Err(format!(
            "{}: its repository {repository_url:?} is not in a hosting location of publisher \
             {:?} in {}{}: refused, nothing recorded (--force-owner records it anyway)",
            source.path().display(),
            self.publisher.id,
            path.display(),
            owner
                .map(|o| format!(" (it is publisher {o:?}'s)"))
                .unwrap_or_default(),
        ))
    }
}

#[derive(Default)]
struct Tally {
    created: usize,
    updated: usize,
    unchanged: usize,
    invalid: usize,
    failed: usize,
}

fn progress(total: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files ({per_sec}, ETA {eta}) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

async fn import(args: &Args, owner: Owner, sources: Vec<Source>) -> anyhow::Result<bool> {
    let started = Instant::now();
    let catalog = Catalog::open(args.store.database.as_deref(), &args.store.data_dir)
        .await
        .context("opening the catalog")?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let bar = progress(sources.len());
    let plain = bar.is_hidden();
    let mut tally = Tally::default();
    let worker = args.worker.worker()?;
    // Reading and validating is spread over every core, ahead of the one writer.
    let (sender, mut receiver) =
        tokio::sync::mpsc::channel::<(Source, Result<(IngestRequest, Prepared), String>)>(512);
    let producer_owner = owner.clone();
    let producer_sources = sources.clone();
    let producer = std::thread::spawn(move || {
        use rayon::prelude::*;
        for chunk in producer_sources.chunks(256) {
            let prepared: Vec<_> = chunk
                .par_iter()
                .map(|source| (source.clone(), prepare(source, &producer_owner, now)))
                .collect();
            for item in prepared {
                if sender.blocking_send(item).is_err() {
                    return;
                }
            }
        }
    });
    // The writer records a batch of files per transaction (all of a batch or none of it, so
    // a file is never half-written), then reports and assesses them in order.
    let total = sources.len();
    // A batch's sources, and its files as the catalog takes them.
    let mut sources: Vec<Source> = Vec::new();
    let mut files: Vec<(IngestRequest, Prepared)> = Vec::new();
    let mut open = true;
    while open || !files.is_empty() {
        while open && files.len() < BATCH {
            let next = if files.is_empty() {
                receiver.recv().await
            } else {
                match receiver.try_recv() {
                    Ok(item) => Some(item),
                    Err(tokio::sync::mpsc::error::TryRecvError::Empty) => break,
                    Err(tokio::sync::mpsc::error::TryRecvError::Disconnected) => None,
                }
            };
            match next {
                None => open = false,
                Some((source, Ok(file))) => {
                    sources.push(source);
                    files.push(file);
                }
                Some((_, Err(e))) => {
                    tally.failed += 1;
                    bar.suspend(|| eprintln!("error: {e}"));
                    bar.inc(1);
                }
            }
        }
        if files.is_empty() {
            continue;
        }
        let outcomes = catalog.ingest_batch(&files).await.with_context(|| {
            format!(
                "recording {} files from {}",
                files.len(),
                sources[0].path().display()
            )
        })?;
        for ((source, (request, _)), outcome) in
            sources.drain(..).zip(files.drain(..)).zip(outcomes)
        {
            let shown = source.path().display().to_string();
            let word = match outcome.change {
                Change::Created => {
                    tally.created += 1;
                    "created"
                }
                Change::Updated => {
                    tally.updated += 1;
                    "updated"
                }
                Change::Unchanged => {
                    tally.unchanged += 1;
                    "unchanged"
                }
                Change::StoredInvalid => {
                    tally.invalid += 1;
                    "invalid (recorded, not listed; see `commons validate`)"
                }
            };
            if plain {
                eprintln!("{shown}: {} {word}", outcome.software_id);
            }
            if let Source::Git(dir) = &source {
                let note = assess_repository(
                    &catalog,
                    dir,
                    &request,
                    &outcome,
                    &worker,
                    &args.store.data_dir,
                )
                .await;
                if plain || note.starts_with("assessment failed") {
                    bar.suspend(|| eprintln!("{shown}: {note}"));
                }
            }
            bar.inc(1);
        }
    }
    let _ = producer.join();
    bar.finish_and_clear();
    let indexed = update_index(&catalog, &args.store.data_dir).await;
    catalog.close().await;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{total} sources in {seconds:.1} s ({:.0}/s): {} created, {} updated, {} unchanged, {} invalid, {} unreadable. {indexed}",
        total as f64 / seconds.max(1e-9),
        tally.created,
        tally.updated,
        tally.unchanged,
        tally.invalid,
        tally.failed,
    );
    Ok(tally.failed == 0)
}

/// Assesses a git repository after its publiccode.yml was recorded, unless the latest
/// assessment is of its commit by the current method; records it with the revision. Returns
/// a note. The assessment runs in a worker process, which uses the data directory's OSV
/// export when there is one.
async fn assess_repository(
    catalog: &Catalog,
    dir: &Path,
    request: &IngestRequest,
    outcome: &commons_catalog::IngestOutcome,
    worker: &commons_app::worker::AssessWorker,
    data_dir: &Path,
) -> String {
    let recording = commons_app::Recording {
        git_dir: dir,
        commit: request.commit.as_deref().unwrap_or(""),
        software_id: &outcome.software_id,
        revision_id: outcome.revision_id,
        publiccode: None,
        runner: commons_app::Runner::Worker(worker.clone(), data_dir.to_path_buf()),
    };
    match commons_app::assess_and_record(catalog, recording).await {
        Ok(commons_app::Recorded::Unchanged) => "assessment unchanged".into(),
        Ok(commons_app::Recorded::Assessed(facets)) => format!(
            "assessed (license {}, security {}, vitality {})",
            facets.license_family,
            facets
                .security_score
                .map_or("n/a".to_string(), |s| format!("{s:.1}/10")),
            facets
                .vitality
                .map_or("n/a".to_string(), |v| format!("{v}/100")),
        ),
        Ok(commons_app::Recorded::Failed(why)) => why,
        Err(e) => format!("assessment failed: {e}"),
    }
}

/// Reads and validates one source (no database needed).
fn prepare(source: &Source, owner: &Owner, now: i64) -> Result<(IngestRequest, Prepared), String> {
    let loaded = load(source)?;
    owner.check(source, &loaded.repository_url)?;
    let request = IngestRequest {
        repository_url: loaded.repository_url,
        forge: ForgeKind::Local,
        default_branch: loaded.default_branch,
        commit: loaded.commit,
        publisher: Some(owner.publisher.clone()),
        source: loaded.bytes,
        seen_at: now,
    };
    let prepared = Prepared::new(&request).map_err(|e| e.to_string())?;
    Ok((request, prepared))
}

/// Brings the search index up to date, unless a running server holds it (it will).
async fn update_index(catalog: &Catalog, data_dir: &Path) -> String {
    let dir = data_dir.join("index");
    let opened = tokio::task::spawn_blocking(move || SearchIndex::open_or_create(&dir)).await;
    let (index, state) = match opened {
        Ok(Ok(pair)) => pair,
        Ok(Err(SearchError::Locked(_))) => {
            return "A running server holds the search index and will index the changes.".into();
        }
        Ok(Err(e)) => {
            return format!("The search index was not updated ({e}); run `commons reindex`.");
        }
        Err(e) => return format!("The search index was not updated ({e})."),
    };
    let index = Arc::new(index);
    let result = commons_app::indexer::bring_up_to_date(catalog, &index, state).await;
    // One segment makes every search cheaper (see `SearchIndex::merge_segments`); an import
    // leaves many.
    let merging = Arc::clone(&index);
    let merged = tokio::task::spawn_blocking(move || merging.merge_segments()).await;
    if let Ok(Err(e)) = merged {
        tracing::warn!(error = %e, "the search index's segments were not merged");
    }
    match result {
        Ok(_) => format!("Search index: {} entries.", index.doc_count()),
        Err(e) => format!("The search index was not updated ({e}); run `commons reindex`."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_url_is_read_from_invalid_documents() {
        assert_eq!(
            declared_url(b"url: https://git.example.org/a\nname: [broken\n").as_deref(),
            None,
            "a document that does not parse has no url"
        );
        assert_eq!(
            declared_url(b"url: https://git.example.org/a\nname: 3\n").as_deref(),
            Some("https://git.example.org/a")
        );
        assert_eq!(declared_url(b"url: file:///etc\n"), None);
    }
}
