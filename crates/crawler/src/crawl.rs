//! The crawl itself: discover every repository of every hosting location, queue one job per
//! repository in the catalog, and let workers claim and crawl them.
//!
//! A repository's crawl ends in one [`CrawlRecord`]; per-repository failures are outcomes,
//! never errors of the crawl. Jobs live in the catalog, so a crawl killed midway is finished
//! by the next run, and several processes on one PostgreSQL share the work.

mod peer;

use crate::assessing::{Assessor, Subject};
use crate::error::{CrawlError, FetchError};
use crate::forge::{self, BranchHead, RemoteRepository};
use crate::git;
use crate::http::{Http, Limits};
use crate::registry::{Hosting, HostingKind, NotOwned, PublisherEntry, Registry, host_of};
use commons_catalog::{
    Catalog, Change, CrawlJob, CrawlOutcomeKind, CrawlRecord, CrawledRepository, IngestRequest,
};
use commons_publiccode::{Options, RepositoryUrl, validate};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How a crawler runs.
#[derive(Debug, Clone)]
pub struct CrawlerOptions {
    /// The data directory (the git cache lives in `<data>/git-cache`).
    pub data_dir: PathBuf,
    /// Hosts contacted besides those of the registry (`host` or `host:port`); also the only
    /// hosts that may be at a loopback, private or otherwise non-public address.
    pub allow_hosts: Vec<String>,
    /// Limits on everything from outside.
    pub limits: Limits,
    /// Repositories crawled at once by this process.
    pub workers: usize,
    /// How long a claimed job stays this worker's before another may take it over.
    pub lease: Duration,
    /// A repository crawled (by any process sharing the catalog) since this run started, or
    /// less than this before, is not queued again: processes started together share one
    /// crawl instead of redoing each other's work. Default 0 (only since the run started).
    pub fresh_for: Duration,
    /// Assess repositories (fetching their whole history): a listed repository is assessed
    /// when its commit changed, or when it has no assessment by the current method. Default on.
    pub assess: bool,
    /// The program assessments run in (a child process per assessment, with limits); `None`
    /// assesses in this process (library tests). `commons` passes its own executable.
    pub assess_worker: Option<commons_app::worker::AssessWorker>,
    /// The git cache's cap in bytes, enforced after each crawl (least recently used first).
    pub git_cache_max: u64,
}

impl CrawlerOptions {
    /// Defaults for a data directory.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        CrawlerOptions {
            data_dir: data_dir.into(),
            allow_hosts: Vec::new(),
            limits: Limits::default(),
            workers: 8,
            lease: Duration::from_secs(600),
            fresh_for: Duration::ZERO,
            assess: true,
            assess_worker: None,
            git_cache_max: crate::gc::DEFAULT_GIT_CACHE_MAX,
        }
    }
}

/// One repository's result, as reported to a [`Progress`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepositoryReport {
    /// The repository.
    pub url: String,
    /// Its publisher.
    pub publisher_id: String,
    /// What happened.
    pub outcome: CrawlOutcomeKind,
    /// Why.
    pub detail: Option<String>,
    /// How long its assessment took, when it was assessed (failed assessments included).
    pub assessment: Option<std::time::Duration>,
}

/// Receives the crawl's progress (the CLI draws a bar or prints lines).
pub trait Progress: Send + Sync {
    /// A hosting location was listed (`Err` carries why it could not be).
    fn discovered(&self, hosting: &str, result: Result<usize, &str>);
    /// The number of repositories queued for this run.
    fn queued(&self, total: u64);
    /// One repository is done.
    fn finished(&self, report: &RepositoryReport);
}

/// A progress that reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn discovered(&self, _: &str, _: Result<usize, &str>) {}
    fn queued(&self, _: u64) {}
    fn finished(&self, _: &RepositoryReport) {}
}

/// What a crawl did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Repositories found on the hosting locations.
    pub discovered: usize,
    /// Hosting locations that could not be listed.
    pub hostings_failed: usize,
    /// Repositories crawled by this process, per outcome.
    pub outcomes: BTreeMap<String, usize>,
    /// Wall time.
    pub elapsed: Duration,
    /// What keeping the git cache under its cap did after the crawl.
    pub git_cache: crate::gc::Pruned,
}

/// The work of one job (stored as the job's payload).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Target {
    publisher_id: String,
    hosting: Hosting,
    repository: RemoteRepository,
}

/// The crawler.
#[derive(Clone)]
pub struct Crawler {
    inner: Arc<Inner>,
}

struct Inner {
    /// The registry in force: replaced whole when the curators change it (see
    /// [`Crawler::set_registry`]); a crawl round or webhook works on the snapshot it took.
    registry: std::sync::RwLock<Arc<Registry>>,
    catalog: Catalog,
    http: Http,
    options: CrawlerOptions,
    worker_id: String,
    assessor: Option<Assessor>,
}

/// Where a repository's history is fetched from to assess it, and the publiccode.yml just
/// validated (when there is one).
struct Checkout {
    clone_url: String,
    branch: String,
    publiccode: Option<commons_publiccode::PublicCode>,
}

/// The hosts a crawler may contact: the registry's and the operator's `--allow-host`.
fn allowed_hosts(registry: &Registry, options: &CrawlerOptions) -> HashSet<String> {
    let mut hosts: HashSet<String> = registry.hosts().into_iter().collect();
    hosts.extend(options.allow_hosts.iter().map(|h| h.to_ascii_lowercase()));
    hosts
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Crawler {
    /// A crawler for a registry, writing to a catalog.
    pub fn new(
        registry: Registry,
        catalog: Catalog,
        options: CrawlerOptions,
    ) -> Result<Crawler, CrawlError> {
        let registry = registry.without_suspended();
        let hosts = allowed_hosts(&registry, &options);
        let egress = commons_egress::Allowance::hosts(&options.allow_hosts);
        let http = Http::new(hosts, egress, options.limits.clone())
            .map_err(|e| CrawlError::Setup(e.to_string()))?;
        let worker_id = format!(
            "{}-{}-{:08x}",
            std::env::var("HOSTNAME").unwrap_or_else(|_| "crawler".into()),
            std::process::id(),
            rand::random::<u32>()
        );
        let assessor = options
            .assess
            .then(|| Assessor::new(&options.data_dir, options.assess_worker.clone()));
        Ok(Crawler {
            inner: Arc::new(Inner {
                registry: std::sync::RwLock::new(Arc::new(registry)),
                catalog,
                http,
                options,
                worker_id,
                assessor,
            }),
        })
    }

    /// The registry it crawls (whose hosting holds a repository: see
    /// [`Registry::owner_of`]).
    pub fn registry(&self) -> Arc<Registry> {
        let registry = self
            .inner
            .registry
            .read()
            .unwrap_or_else(|p| p.into_inner());
        Arc::clone(&registry)
    }

    /// Puts a new registry in force (the curators changed it): the next crawl round, webhook
    /// and request use it, and only its hosts (and `--allow-host`) are contacted from then on.
    /// Suspended publishers are left out: they are not crawled and own no repository.
    pub fn set_registry(&self, registry: Registry) {
        let registry = registry.without_suspended();
        self.inner
            .http
            .set_allowed(allowed_hosts(&registry, &self.inner.options));
        let mut current = self
            .inner
            .registry
            .write()
            .unwrap_or_else(|p| p.into_inner());
        *current = Arc::new(registry);
    }

    /// Crawls every publisher once: discovery, then the queued jobs (including jobs a killed
    /// run left behind), with [`CrawlerOptions::workers`] repositories at once.
    pub async fn run(&self, progress: Arc<dyn Progress>) -> Result<Summary, CrawlError> {
        let started = Instant::now();
        let started_at = now();
        let mut summary = Summary::default();
        let mut jobs = Vec::new();
        let registry = self.registry();
        for publisher in &registry.publishers {
            for hosting in &publisher.hosting {
                match self.discover(publisher, hosting).await? {
                    Ok(targets) => {
                        progress.discovered(&hosting.url, Ok(targets.len()));
                        summary.discovered += targets.len();
                        jobs.extend(targets);
                    }
                    Err(why) => {
                        progress.discovered(&hosting.url, Err(&why));
                        summary.hostings_failed += 1;
                    }
                }
            }
        }
        let jobs: Vec<CrawlJob> = jobs
            .iter()
            .map(|t| {
                Ok(CrawlJob {
                    repository_url: t.repository.url.clone(),
                    payload: serde_json::to_string(t)
                        .map_err(|e| CrawlError::Setup(e.to_string()))?,
                })
            })
            .collect::<Result<_, CrawlError>>()?;
        let fresh = self.inner.options.fresh_for.as_secs() as i64;
        self.inner
            .catalog
            .enqueue_crawl_jobs(&jobs, now(), started_at - fresh)
            .await?;
        if self.inner.catalog.backend() == commons_catalog::Backend::Sqlite {
            // SQLite is one process: claims left behind are a killed run's, free them now.
            // (On PostgreSQL other workers may be alive; their claims expire with the lease.)
            self.inner.catalog.release_crawl_claims().await?;
        }
        progress.queued(self.inner.catalog.pending_crawl_jobs().await? as u64);

        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..self.inner.options.workers.max(1) {
            let crawler = self.clone();
            let progress = Arc::clone(&progress);
            workers.spawn(async move { crawler.work(progress).await });
        }
        while let Some(result) = workers.join_next().await {
            let counts = result.map_err(|e| CrawlError::Setup(format!("worker: {e}")))??;
            for (kind, n) in counts {
                *summary.outcomes.entry(kind).or_default() += n;
            }
        }
        // Peer catalogs after the forges: a repository the direct crawl reads is then found
        // by the peer's pull, which only adds its listing to it.
        for publisher in &registry.publishers {
            let Some(catalog) = &publisher.catalog else {
                continue;
            };
            match self.pull_peer(publisher, catalog, &progress).await? {
                Ok(counts) => {
                    progress.discovered(&catalog.url, Ok(counts.values().sum()));
                    for (kind, n) in counts {
                        *summary.outcomes.entry(kind).or_default() += n;
                    }
                }
                Err(why) => {
                    tracing::warn!(catalog = %publisher.id, %why, "peer catalog not pulled");
                    progress.discovered(&catalog.url, Err(&why));
                    summary.hostings_failed += 1;
                }
            }
        }
        summary.git_cache = self.prune_git_cache().await;
        summary.elapsed = started.elapsed();
        Ok(summary)
    }

    /// Keeps the git cache under its cap (see [`crate::gc`]); a failure is logged, not the
    /// crawl's: the cache is only a speed-up.
    pub async fn prune_git_cache(&self) -> crate::gc::Pruned {
        let root = self.inner.options.data_dir.join("git-cache");
        let max = self.inner.options.git_cache_max;
        let pruned = tokio::task::spawn_blocking(move || {
            crate::gc::prune_git_cache(&root, max, crate::gc::GRACE, std::time::SystemTime::now())
        })
        .await;
        let error = match pruned {
            Ok(Ok(pruned)) => return pruned,
            Ok(Err(e)) => e.to_string(),
            Err(e) => e.to_string(),
        };
        tracing::warn!(%error, "the git cache could not be pruned");
        crate::gc::Pruned::default()
    }

    /// Claims and crawls jobs until none is left.
    async fn work(
        &self,
        progress: Arc<dyn Progress>,
    ) -> Result<HashMap<String, usize>, CrawlError> {
        let mut counts = HashMap::new();
        let lease = self.inner.options.lease.as_secs() as i64;
        while let Some(job) = self
            .inner
            .catalog
            .claim_crawl_job(&self.inner.worker_id, now(), lease)
            .await?
        {
            let report = match serde_json::from_str::<Target>(&job.payload) {
                Ok(target) => self.crawl_target(&target).await?,
                Err(e) => {
                    // A payload from another version of the crawler: end the job, say why.
                    self.save(CrawlRecord {
                        repository_url: job.repository_url.clone(),
                        publisher_id: String::new(),
                        hosting_url: String::new(),
                        forge: commons_catalog::ForgeKind::Git,
                        forge_id: None,
                        outcome: CrawlOutcomeKind::Refused,
                        detail: Some(format!("unreadable job: {e}")),
                        errors: Vec::new(),
                        commit: None,
                        version: None,
                        etag: None,
                        software_id: None,
                        crawled_at: now(),
                    })
                    .await?
                }
            };
            *counts
                .entry(report.outcome.as_str().to_string())
                .or_default() += 1;
            progress.finished(&report);
        }
        Ok(counts)
    }

    /// Lists one hosting location; `Ok(Err(why))` when it could not be listed (recorded as an
    /// outcome of the hosting URL, so "why is nothing listed?" has an answer too).
    async fn discover(
        &self,
        publisher: &PublisherEntry,
        hosting: &Hosting,
    ) -> Result<Result<Vec<Target>, String>, CrawlError> {
        if hosting.kind == HostingKind::Git {
            return Ok(Ok(vec![Target {
                publisher_id: publisher.id.clone(),
                hosting: hosting.clone(),
                repository: RemoteRepository {
                    url: hosting.url.clone(),
                    forge_id: None,
                    api_path: String::new(),
                    default_branch: None,
                    archived: false,
                    fork: false,
                    empty: false,
                    activity: None,
                    clone_url: None,
                },
            }]));
        }
        let listed = match forge::list(&self.inner.http, hosting).await {
            Ok(listed) => listed,
            Err(e) => {
                let record = self.record_for(publisher, hosting, &hosting.url, None);
                self.save(CrawlRecord {
                    outcome: e.outcome(),
                    detail: Some(format!("listing failed: {}", e.detail())),
                    ..record
                })
                .await?;
                return Ok(Err(e.to_string()));
            }
        };
        let catalog = &self.inner.catalog;
        let known = catalog
            .crawled_repositories_of_hosting(&hosting.url)
            .await?;
        // A repository whose forge id is known under another URL was renamed or moved.
        let by_id: HashMap<&str, &CrawledRepository> = known
            .iter()
            .filter_map(|r| r.forge_id.as_deref().map(|id| (id, r)))
            .collect();
        let mut targets = Vec::new();
        let mut seen = HashSet::new();
        for repository in listed {
            seen.insert(repository.url.clone());
            match self.check_answer(publisher, hosting, &repository.url) {
                Ok(_) => {}
                // Another hosting holds it (a nested group, or a forge listing what is not
                // this group's): crawled there, and no outcome here may touch its entry.
                Err(CrawlError::NotOwned(NotOwned::Elsewhere { .. })) => continue,
                Err(why) => {
                    let record = self.record_for(publisher, hosting, &repository.url, None);
                    self.save(CrawlRecord {
                        outcome: CrawlOutcomeKind::Refused,
                        detail: Some(format!("listed by the forge but refused: {why}")),
                        ..record
                    })
                    .await?;
                    continue;
                }
            }
            if let Some(old) = repository.forge_id.as_deref().and_then(|id| by_id.get(id))
                && old.repository_url != repository.url
            {
                catalog
                    .rename_repository(&old.repository_url, &repository.url, now())
                    .await?;
            }
            seen.extend(
                repository
                    .forge_id
                    .as_deref()
                    .and_then(|id| by_id.get(id))
                    .map(|old| old.repository_url.clone()),
            );
            targets.push(Target {
                publisher_id: publisher.id.clone(),
                hosting: hosting.clone(),
                repository,
            });
        }
        for gone in known.iter().filter(|r| {
            !r.gone && r.repository_url != hosting.url && !seen.contains(&r.repository_url)
        }) {
            let record = self.record_for(publisher, hosting, &gone.repository_url, None);
            self.save(CrawlRecord {
                outcome: CrawlOutcomeKind::Gone,
                detail: Some("no longer listed by the forge".into()),
                forge_id: gone.forge_id.clone(),
                ..record
            })
            .await?;
        }
        Ok(Ok(targets))
    }

    fn record_for(
        &self,
        publisher: &PublisherEntry,
        hosting: &Hosting,
        url: &str,
        repository: Option<&RemoteRepository>,
    ) -> CrawlRecord {
        CrawlRecord {
            repository_url: url.to_string(),
            publisher_id: publisher.id.clone(),
            hosting_url: hosting.url.clone(),
            forge: hosting.kind.forge(),
            forge_id: repository.and_then(|r| r.forge_id.clone()),
            outcome: CrawlOutcomeKind::Ok,
            detail: None,
            errors: Vec::new(),
            commit: None,
            version: None,
            etag: None,
            software_id: None,
            crawled_at: now(),
        }
    }

    /// The ownership check every path applies to the URL the forge or git server answered
    /// for: the listing's repository, the repository a webhook led to, the end of a redirect.
    fn check_answer(
        &self,
        publisher: &PublisherEntry,
        hosting: &Hosting,
        answered: &str,
    ) -> Result<RepositoryUrl, CrawlError> {
        let url = RepositoryUrl::parse(answered).map_err(|reason| CrawlError::BadUrl {
            url: answered.to_string(),
            reason,
        })?;
        self.registry().check_owner(&publisher.id, hosting, &url)?;
        Ok(url)
    }

    async fn save(&self, record: CrawlRecord) -> Result<RepositoryReport, CrawlError> {
        self.inner.catalog.record_crawl(&record).await?;
        Ok(RepositoryReport {
            url: record.repository_url,
            publisher_id: record.publisher_id,
            outcome: record.outcome,
            detail: record.detail,
            assessment: None,
        })
    }

    fn publisher(&self, id: &str) -> Option<PublisherEntry> {
        let registry = self.registry();
        registry.publishers.iter().find(|p| p.id == id).cloned()
    }

    /// Crawls one repository and records the result.
    async fn crawl_target(&self, target: &Target) -> Result<RepositoryReport, CrawlError> {
        let Some(publisher) = self.publisher(&target.publisher_id) else {
            return Err(CrawlError::UnknownRepository(target.repository.url.clone()));
        };
        let publisher = &publisher;
        let base = self.record_for(
            publisher,
            &target.hosting,
            &target.repository.url,
            Some(&target.repository),
        );
        let state = self
            .inner
            .catalog
            .crawled_repository(&target.repository.url)
            .await?;
        let (record, checkout) = match target.hosting.kind {
            HostingKind::Git => self.crawl_git(publisher, target, state, base).await?,
            _ => self.crawl_forge(publisher, target, state, base).await?,
        };
        if record.outcome == CrawlOutcomeKind::SkippedUnchanged
            && let Some(software_id) = &record.software_id
        {
            // Nothing is ingested for an unchanged file, yet the entry must be this
            // publisher's: an earlier crawl may have filed it elsewhere.
            self.inner
                .catalog
                .assign_publisher(software_id, &publisher.to_catalog(), now())
                .await?;
        }
        let started = std::time::Instant::now();
        let (record, assessed) = self.assess_if_due(record, checkout).await?;
        let mut report = self.save(record).await?;
        report.assessment = assessed.then(|| started.elapsed());
        Ok(report)
    }

    /// Assesses a listed repository whose commit changed, or that has no assessment by the
    /// current method; a failure is noted in the outcome's detail, never changes the outcome.
    /// The record, and whether an assessment ran.
    async fn assess_if_due(
        &self,
        record: CrawlRecord,
        checkout: Option<Checkout>,
    ) -> Result<(CrawlRecord, bool), CrawlError> {
        let (Some(assessor), Some(checkout), Some(software_id)) = (
            self.inner.assessor.as_ref(),
            checkout,
            record.software_id.as_deref(),
        ) else {
            return Ok((record, false));
        };
        let catalog = &self.inner.catalog;
        let due = match record.outcome {
            CrawlOutcomeKind::Ok => true,
            CrawlOutcomeKind::SkippedUnchanged => {
                if !assessor.is_missing(catalog, software_id).await? {
                    false
                } else if let Some(note) = assessor.failed_before(&record.repository_url) {
                    // Nothing changed since it failed: say so again rather than retry.
                    return Ok((with_note(record, note), false));
                } else {
                    true
                }
            }
            _ => false,
        };
        if !due {
            // The common case of a recrawl: no further query.
            return Ok((record, false));
        }
        let live = match catalog.software(software_id).await? {
            Some(software) if software.listed => software.live_revision_id,
            _ => None,
        };
        let Some(revision_id) = live else {
            return Ok((record, false));
        };
        let in_hosting = host_of(&checkout.clone_url) == host_of(&record.hosting_url);
        let note = if in_hosting {
            let subject = Subject {
                software_id,
                revision_id,
                repository_url: &record.repository_url,
                clone_url: &checkout.clone_url,
                branch: &checkout.branch,
                publiccode: checkout.publiccode,
            };
            assessor.assess(&self.inner.http, catalog, subject).await?
        } else {
            Some(format!(
                "not assessed: the forge's clone URL {} is outside the publisher's hosting",
                checkout.clone_url
            ))
        };
        let record = match note {
            Some(note) => with_note(record, note),
            None => record,
        };
        Ok((record, in_hosting))
    }

    async fn crawl_forge(
        &self,
        publisher: &PublisherEntry,
        target: &Target,
        state: Option<CrawledRepository>,
        base: CrawlRecord,
    ) -> Result<(CrawlRecord, Option<Checkout>), CrawlError> {
        let repository = &target.repository;
        if repository.fork {
            return Ok(failed(
                base,
                FetchError::Refused(
                    "a fork: the original repository is the catalog's entry".into(),
                ),
            ));
        }
        if repository.empty {
            return Ok(failed(
                base,
                FetchError::NotFound("empty repository".into()),
            ));
        }
        let checkout = match (&repository.clone_url, &repository.default_branch) {
            (Some(clone_url), Some(branch)) => Some(Checkout {
                clone_url: clone_url.clone(),
                branch: branch.clone(),
                publiccode: None,
            }),
            _ => None,
        };
        let settled = state
            .as_ref()
            .filter(|s| s.last_outcome.is_some_and(|o| o.is_conclusive()) && !s.gone);
        // The branch's head decides; the forge's activity stamp may lag a push indefinitely.
        let etag = settled.and_then(|s| s.etag.as_deref());
        let http = &self.inner.http;
        let base = match forge::branch_head(http, &target.hosting, repository, etag).await {
            Ok(BranchHead::Commit { id, etag }) => CrawlRecord {
                // The version is the commit read: the next crawl compares the head with it.
                version: Some(id.clone()),
                commit: Some(id),
                etag,
                ..base
            },
            // The ETag sent was the settled state's: the head is still the commit it names.
            Ok(BranchHead::NotModified) => {
                return Ok(match settled {
                    Some(state) => (unchanged(base, state), checkout),
                    None => failed(base, FetchError::Refused("HTTP 304 unasked".into())),
                });
            }
            Err(e) => return Ok(failed(base, e)),
        };
        if let Some(s) = settled.filter(|s| s.version.is_some() && s.version == base.version) {
            return Ok((unchanged(base, s), checkout));
        }
        let commit = base.commit.clone().unwrap_or_default();
        match forge::fetch_file(http, &target.hosting, repository, &commit).await {
            Ok(bytes) => {
                self.ingest(publisher, target, &repository.url, bytes, base, checkout)
                    .await
            }
            Err(e) => Ok(failed(base, e)),
        }
    }

    async fn crawl_git(
        &self,
        publisher: &PublisherEntry,
        target: &Target,
        state: Option<CrawledRepository>,
        base: CrawlRecord,
    ) -> Result<(CrawlRecord, Option<Checkout>), CrawlError> {
        let http = &self.inner.http;
        let head = match git::head(http, &target.repository.url).await {
            Ok(head) => head,
            Err(FetchError::NotFound(why))
                if state.as_ref().is_some_and(|s| s.software_id.is_some()) =>
            {
                return Ok((
                    CrawlRecord {
                        outcome: CrawlOutcomeKind::Gone,
                        detail: Some(format!("the repository answers {why}")),
                        ..base
                    },
                    None,
                ));
            }
            Err(e) => return Ok(failed(base, e)),
        };
        let mut url = target.repository.url.clone();
        let moved = match (RepositoryUrl::parse(&head.url), RepositoryUrl::parse(&url)) {
            (Ok(now), Ok(before)) => !now.same_repository(&before, target.hosting.kind.path_case()),
            _ => head.url != url,
        };
        if moved {
            // Redirected: a move within the publisher's host keeps the entry (the old URL
            // becomes an alias); anywhere else, another hosting included, is refused.
            if let Err(why) = self.check_answer(publisher, &target.hosting, &head.url) {
                return Ok(failed(
                    base,
                    FetchError::Refused(format!("redirected to {}: {why}", head.url)),
                ));
            }
            self.inner
                .catalog
                .rename_repository(&url, &head.url, now())
                .await?;
            url = head.url.clone();
        }
        let base = CrawlRecord {
            repository_url: url.clone(),
            version: head.commit.clone(),
            commit: head.commit.clone(),
            ..base
        };
        let Some(commit) = head.commit.as_deref() else {
            return Ok(failed(
                base,
                FetchError::NotFound("empty repository".into()),
            ));
        };
        // Plain git is cloned from the repository URL itself.
        let checkout = head.branch.as_ref().map(|branch| Checkout {
            clone_url: url.clone(),
            branch: branch.clone(),
            publiccode: None,
        });
        if let Some(s) = state.as_ref().filter(|s| {
            s.last_outcome.is_some_and(|o| o.is_conclusive())
                && !s.gone
                && s.version.as_deref() == Some(commit)
        }) {
            return Ok((unchanged(base, s), checkout));
        }
        let Some(branch) = head.branch.as_deref() else {
            return Ok(failed(
                base,
                FetchError::Refused("the server does not say which branch HEAD is".into()),
            ));
        };
        let cache = self.inner.options.data_dir.join("git-cache");
        match git::read_publiccode(http, &cache, &url, branch).await {
            Ok(file) => {
                let record = CrawlRecord {
                    commit: Some(file.commit),
                    ..base
                };
                self.ingest(publisher, target, &url, file.bytes, record, checkout)
                    .await
            }
            Err(e) => Ok(failed(base, e)),
        }
    }

    /// Validates and stores a file; checks that its `url` names this repository. The checkout
    /// comes back with the validated model, for the assessment.
    async fn ingest(
        &self,
        publisher: &PublisherEntry,
        target: &Target,
        url: &str,
        bytes: Vec<u8>,
        record: CrawlRecord,
        checkout: Option<Checkout>,
    ) -> Result<(CrawlRecord, Option<Checkout>), CrawlError> {
        let validation = validate(&bytes, &Options::default());
        let outcome = self
            .inner
            .catalog
            .ingest(&IngestRequest {
                repository_url: url.to_string(),
                forge: target.hosting.kind.forge(),
                default_branch: target.repository.default_branch.clone(),
                commit: record.commit.clone(),
                publisher: Some(publisher.to_catalog()),
                source: bytes,
                seen_at: record.crawled_at,
            })
            .await?;
        let record = CrawlRecord {
            software_id: Some(outcome.software_id),
            ..record
        };
        if outcome.change == Change::StoredInvalid {
            let errors: Vec<_> = validation.errors().cloned().collect();
            let detail = errors.first().map(|e| {
                format!(
                    "{}:{}: {}: {} ({} errors)",
                    e.line,
                    e.column,
                    e.key,
                    e.message,
                    errors.len()
                )
            });
            return Ok((
                CrawlRecord {
                    outcome: CrawlOutcomeKind::Invalid,
                    detail,
                    errors,
                    ..record
                },
                None,
            ));
        }
        let mut notes = Vec::new();
        if let Some(model) = &validation.publiccode
            && !names_repository(&model.url, url, target.hosting.kind)
        {
            notes.push(format!(
                "{}: its url is {}, not this repository (declare the original in isBasedOn)",
                commons_catalog::COPY_NOTE,
                model.url
            ));
        }
        if target.repository.archived {
            notes.push("archived on the forge".into());
        }
        let checkout = checkout.map(|c| Checkout {
            publiccode: validation.publiccode,
            ..c
        });
        Ok((
            CrawlRecord {
                outcome: CrawlOutcomeKind::Ok,
                detail: (!notes.is_empty()).then(|| notes.join("; ")),
                ..record
            },
            checkout,
        ))
    }

    /// Recrawls one repository now (a webhook said it changed). The URL may be the current
    /// one or a former one (an alias), in any spelling; in normal form it must fall under a
    /// publisher's hosting, and so must the repository the forge answers for.
    pub async fn crawl_repository(&self, url: &str) -> Result<RepositoryReport, CrawlError> {
        let asked = RepositoryUrl::parse(url).map_err(|reason| CrawlError::BadUrl {
            url: url.to_string(),
            reason,
        })?;
        let (current, recorded_as) = self.current_url(url, &asked).await?;
        let registry = self.registry();
        let (publisher, hosting) = registry
            .owner_of(&current)
            .ok_or_else(|| CrawlError::UnknownRepository(current.as_url()))?;
        let repository = if hosting.kind == HostingKind::Git {
            RemoteRepository {
                url: hosting.url.clone(),
                forge_id: None,
                api_path: String::new(),
                default_branch: None,
                archived: false,
                fork: false,
                empty: false,
                activity: None,
                clone_url: None,
            }
        } else {
            // The forge is asked for the normal form, the very path ownership was decided on.
            match forge::fetch_repository(&self.inner.http, hosting, &current.as_url()).await {
                Ok(repository) => repository,
                Err(e) => {
                    let record = self.record_for(publisher, hosting, &recorded_as, None);
                    return self.save(failure(record, e)).await;
                }
            }
        };
        self.check_answer(publisher, hosting, &repository.url)?;
        let target = Target {
            publisher_id: publisher.id.clone(),
            hosting: hosting.clone(),
            repository,
        };
        self.crawl_target(&target).await
    }

    /// The current URL of the repository a webhook names, and the text its outcomes are
    /// recorded under: the entry's, when the URL is one it had (an alias), else the URL in
    /// normal form.
    async fn current_url(
        &self,
        given: &str,
        asked: &RepositoryUrl,
    ) -> Result<(RepositoryUrl, String), CrawlError> {
        let catalog = &self.inner.catalog;
        let mut entry = catalog.software_by_url(given).await?;
        if entry.is_none() {
            entry = catalog.software_by_url(&asked.as_url()).await?;
        }
        if let Some(software) = entry
            && let Ok(current) = RepositoryUrl::parse(&software.repository_url)
        {
            return Ok((current, software.repository_url));
        }
        Ok((asked.clone(), asked.as_url()))
    }
}

/// Whether a publiccode.yml's `url` names the repository it was found in.
fn names_repository(declared: &str, found: &str, kind: HostingKind) -> bool {
    match (RepositoryUrl::parse(declared), RepositoryUrl::parse(found)) {
        (Ok(declared), Ok(found)) => declared.same_repository(&found, kind.path_case()),
        _ => declared == found,
    }
}

fn failure(base: CrawlRecord, error: FetchError) -> CrawlRecord {
    CrawlRecord {
        outcome: error.outcome(),
        detail: Some(error.detail()),
        ..base
    }
}

/// The record with a note added to its detail.
fn with_note(record: CrawlRecord, note: String) -> CrawlRecord {
    CrawlRecord {
        detail: Some(match record.detail {
            Some(detail) => format!("{detail}; {note}"),
            None => note,
        }),
        ..record
    }
}

/// A failed repository: nothing to assess.
fn failed(base: CrawlRecord, error: FetchError) -> (CrawlRecord, Option<Checkout>) {
    (failure(base, error), None)
}

fn unchanged(base: CrawlRecord, state: &CrawledRepository) -> CrawlRecord {
    CrawlRecord {
        outcome: CrawlOutcomeKind::SkippedUnchanged,
        etag: base.etag.clone().or_else(|| state.etag.clone()),
        version: base.version.clone().or_else(|| state.version.clone()),
        commit: base.commit.clone().or_else(|| state.last_commit.clone()),
        software_id: state.software_id.clone(),
        ..base
    }
}
