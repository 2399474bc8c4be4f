//! Assessing crawled repositories: once a repository's publiccode.yml is in the catalog, its
//! whole history is fetched into the git cache and `commons_assess::assess` runs on it; the
//! result is stored with the entry's revision. A repository is assessed again only when its
//! commit or the assessment method changed, so a recrawl of an unchanged repository costs one
//! query. A failed assessment never changes the crawl's outcome: the listing stands, the
//! outcome's detail says what went wrong.

use crate::error::{CrawlError, FetchError};
use crate::git;
use crate::http::Http;
use commons_app::worker::AssessWorker;
use commons_app::{Recorded, Recording, Runner, assess_and_record};
use commons_assess::osv;
use commons_catalog::Catalog;
use commons_publiccode::PublicCode;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use tokio::sync::Semaphore;

/// What to assess: the entry, the revision, and where its history is.
pub(crate) struct Subject<'a> {
    /// The entry.
    pub software_id: &'a str,
    /// The revision the assessment belongs to.
    pub revision_id: i64,
    /// The entry's repository URL (the cache's key).
    pub repository_url: &'a str,
    /// Where git fetches from.
    pub clone_url: &'a str,
    /// The default branch.
    pub branch: &'a str,
    /// The validated publiccode.yml, when the caller has it (otherwise it is read from the tree).
    pub publiccode: Option<PublicCode>,
}

/// Runs assessments for the crawler: holds the OSV export (reloaded when the operator imports
/// a new one) and bounds how many run at once.
pub(crate) struct Assessor {
    data_dir: PathBuf,
    osv: Arc<Mutex<LoadedOsv>>,
    running: Semaphore,
    worker: Option<AssessWorker>,
}

/// The OSV export last loaded, with its file's modification time.
type LoadedOsv = Option<(SystemTime, Arc<osv::Database>)>;

impl Assessor {
    pub fn new(data_dir: &Path, worker: Option<AssessWorker>) -> Assessor {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Assessor {
            data_dir: data_dir.to_path_buf(),
            osv: Arc::new(Mutex::new(None)),
            running: Semaphore::new(cores),
            worker,
        }
    }

    /// How this assessor runs an assessment: in its worker program, or in process with the
    /// OSV export it keeps loaded.
    async fn runner(&self) -> Runner {
        if let Some(worker) = &self.worker {
            return Runner::Worker(worker.clone(), self.data_dir.clone());
        }
        let (loaded, data_dir) = (Arc::clone(&self.osv), self.data_dir.clone());
        let osv = tokio::task::spawn_blocking(move || current_osv(&loaded, &data_dir))
            .await
            .ok()
            .flatten();
        Runner::InProcess(osv)
    }

    /// True when the entry has no assessment by the current method.
    pub async fn is_missing(
        &self,
        catalog: &Catalog,
        software_id: &str,
    ) -> Result<bool, CrawlError> {
        Ok(catalog
            .latest_assessment(software_id)
            .await?
            .is_none_or(|a| a.method_version != commons_assess::METHOD_VERSION))
    }

    /// Why the last try to assess this repository failed, when it did, by the current
    /// method: an unchanged repository is not tried again (a history over the limit would be
    /// downloaded and thrown away at every crawl).
    pub fn failed_before(&self, repository_url: &str) -> Option<String> {
        let text = std::fs::read_to_string(self.failure_file(repository_url)).ok()?;
        let (method, note) = text.split_once('\n')?;
        (method == commons_assess::METHOD_VERSION).then(|| note.to_string())
    }

    fn failure_file(&self, repository_url: &str) -> PathBuf {
        let cache = git::cache_dir(&self.data_dir.join("git-cache"), repository_url);
        cache.with_extension("not-assessed")
    }

    /// Fetches the history, assesses it unless the latest assessment is of the same commit by
    /// the same method, and records it. Returns a note for the crawl outcome's detail when
    /// something went wrong (and remembers it); catalog errors are the crawl's errors.
    pub async fn assess(
        &self,
        http: &Http,
        catalog: &Catalog,
        subject: Subject<'_>,
    ) -> Result<Option<String>, CrawlError> {
        let failure_file = self.failure_file(subject.repository_url);
        let note = self.try_assess(http, catalog, subject).await?;
        match &note {
            Some(note) => {
                let _ = std::fs::write(
                    &failure_file,
                    format!("{}\n{note}", commons_assess::METHOD_VERSION),
                );
            }
            None => {
                let _ = std::fs::remove_file(&failure_file);
            }
        }
        Ok(note)
    }

    async fn try_assess(
        &self,
        http: &Http,
        catalog: &Catalog,
        subject: Subject<'_>,
    ) -> Result<Option<String>, CrawlError> {
        let cache = self.data_dir.join("git-cache");
        let history = match git::fetch_history(
            http,
            &cache,
            subject.repository_url,
            subject.clone_url,
            subject.branch,
        )
        .await
        {
            Ok(history) => history,
            Err(e) => return Ok(Some(not_assessed(&e))),
        };
        let runner = self.runner().await;
        let _running = self.running.acquire().await;
        let recording = Recording {
            git_dir: &history.git_dir,
            commit: &history.commit,
            software_id: subject.software_id,
            revision_id: subject.revision_id,
            publiccode: subject.publiccode,
            runner,
        };
        Ok(match assess_and_record(catalog, recording).await? {
            Recorded::Failed(why) => Some(why),
            Recorded::Unchanged | Recorded::Assessed(_) => None,
        })
    }
}

/// The operator's OSV export, loaded again when its file changed; `None` without one
/// (vulnerabilities are then reported as not checked).
fn current_osv(loaded: &Mutex<LoadedOsv>, data_dir: &Path) -> Option<Arc<osv::Database>> {
    let path = data_dir.join("osv").join(osv::STORE_FILE);
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    let mut cached = loaded.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((at, database)) = cached.as_ref()
        && *at == modified
    {
        return Some(Arc::clone(database));
    }
    let database = Arc::new(osv::Database::load(data_dir).ok()?);
    *cached = Some((modified, Arc::clone(&database)));
    Some(database)
}

fn not_assessed(error: &FetchError) -> String {
    format!("not assessed: the history could not be fetched ({error})")
}
