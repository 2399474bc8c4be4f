//! The catalog server: the REST API under `/api/v1`, the web UI, and the upkeep of the search
//! index.
//!
//! [`Server::start`] opens the catalog (SQLite by default, PostgreSQL for scale-out), opens or
//! rebuilds the on-disk search index, optionally loads the demo catalog, and serves [`router`].
//! The index is derived data: a follower task ([`indexer`]) applies every catalog change after
//! the change number the index last recorded, so any number of stateless replicas on one
//! PostgreSQL keep their own index current within a second or two of a write anywhere.
//!
//! Who calls what: `router.rs` lists every route; handlers live in `api/`; `error.rs` maps
//! failures to RFC 9457 problem documents; `middleware.rs` adds security headers, ETags and
//! metrics to every answer.
#![deny(missing_docs)]

pub mod answers;
pub mod api;
pub mod auth;
mod config;
pub mod config_file;
pub mod demo;
mod error;
pub mod hook_queue;
pub mod indexer;
mod listener;
pub mod meaning;
mod metrics;
mod middleware;
mod open_catalog;
pub mod rate_limit;
mod router;
pub mod settings;
mod state;
pub mod web;

pub use config::{CrawlConfig, OidcConfig, ServeConfig};
pub use config_file::{ConfigError, ConfigFile};
pub use error::{ApiError, ServerError};
pub use listener::ConnectionLimits;
pub use rate_limit::RateLimitConfig;
pub use router::router;
pub use state::{AppState, CrawlState, HttpPolicy, MetricsAccess};

use commons_catalog::Catalog;
use commons_search::{OpenState, SearchIndex};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;
use tokio::net::TcpListener;

/// A started server: its state, listener and index follower, ready to serve.
pub struct Server {
    state: AppState,
    listener: TcpListener,
    follower: tokio::task::JoinHandle<()>,
    stop_follower: tokio::sync::watch::Sender<bool>,
    limits: ConnectionLimits,
    metrics_listener: Option<TcpListener>,
}

/// Sign-in and roles as configured: the provider's client secret is read here, so a missing
/// or empty secret file stops the start with its path.
fn access(config: &ServeConfig) -> Result<auth::Access, ServerError> {
    let sign_in = config
        .oidc
        .as_ref()
        .map(auth::oidc::SignIn::new)
        .transpose()
        .map_err(ServerError::Startup)?;
    let mut access = auth::Access::new(
        sign_in,
        config.oidc.as_ref().map(|o| o.issuer.as_str()),
        &config.admins,
        config.session_lifetime,
        config.http.https,
    );
    access.token_days = (
        config.token_days.min(config.token_max_days),
        config.token_max_days,
    );
    Ok(access)
}

/// What happened while the server started, for the operator.
#[derive(Debug, Clone)]
pub struct StartReport {
    /// The address it listens on.
    pub address: SocketAddr,
    /// How the index was found.
    pub index: OpenState,
    /// Entries indexed while catching up or rebuilding.
    pub indexed: usize,
    /// Demo entries loaded (0 when not asked, or when the catalog was not empty).
    pub demo_loaded: usize,
    /// Demo entries assessed.
    pub demo_assessed: usize,
    /// Time from start to ready.
    pub startup: std::time::Duration,
}

impl Server {
    /// Opens everything and binds the listener; does not serve yet.
    pub async fn start(config: ServeConfig) -> Result<(Self, StartReport), ServerError> {
        let started = Instant::now();
        // The addresses first: the demo's assessment or an index rebuild takes a while, and an
        // address chosen by the caller must not be taken by someone else meanwhile (an
        // outgoing connection's ephemeral port, another test). Connections wait in the backlog
        // until the server serves.
        let listener = TcpListener::bind(config.listen)
            .await
            .map_err(|e| ServerError::Bind(config.listen, e))?;
        let address = listener
            .local_addr()
            .map_err(|e| ServerError::Bind(config.listen, e))?;
        let metrics_listener = match config.metrics_listen {
            Some(address) => Some(
                TcpListener::bind(address)
                    .await
                    .map_err(|e| ServerError::Bind(address, e))?,
            ),
            None => None,
        };
        let catalog = Catalog::open(config.database.as_deref(), &config.data_dir).await?;
        let demo = if config.demo {
            demo::load_if_empty(&catalog, &config.data_dir, config.assess_worker.clone()).await?
        } else {
            demo::DemoLoaded::default()
        };
        let index_dir = config.data_dir.join("index");
        let (index, index_state) = {
            let dir = index_dir.clone();
            tokio::task::spawn_blocking(move || SearchIndex::open_or_create(&dir))
                .await
                .map_err(|e| ServerError::Startup(e.to_string()))??
        };
        let index = Arc::new(index);
        let indexed = commons_app::indexer::bring_up_to_date(&catalog, &index, index_state).await?;
        let meaning = meaning::start(&config.meaning, &config.data_dir, &index).await?;
        let mut state = AppState::new(catalog, index);
        state.meaning = Arc::clone(&meaning);
        let mut http = config.http.clone();
        if config.metrics_listen.is_some() {
            http.metrics = MetricsAccess::Elsewhere;
        }
        state.http = Arc::new(http);
        state.rate_limiter = config
            .rate_limit
            .as_ref()
            .map(|limit| Arc::new(rate_limit::ClientLimiter::new(limit)));
        state.request_timeout = config.request_timeout;
        state.access = Arc::new(access(&config)?);
        if let Some(validations) = config.max_validations {
            state.validations = Arc::new(api::validate::ValidationSlots::new(validations));
        }
        if let Some(crawl) = &config.crawl {
            state.crawl = Some(Arc::new(
                crawl_state(
                    &state.catalog,
                    &config.data_dir,
                    crawl,
                    config.assess_worker.clone(),
                    Arc::clone(&state.metrics),
                )
                .await?,
            ));
        }
        state.set_ready(true);
        let (stop_follower, stopped) = tokio::sync::watch::channel(false);
        let follower = tokio::spawn(indexer::follow(
            state.clone(),
            config.poll_interval,
            stopped.clone(),
        ));
        tokio::spawn(meaning::follow(
            meaning,
            Arc::clone(&state.index),
            stopped.clone(),
        ));
        if let (Some(crawl), Some(every)) =
            (&state.crawl, config.crawl.as_ref().and_then(|c| c.every))
        {
            tokio::spawn(crawl_periodically(
                Arc::clone(crawl),
                state.catalog.clone(),
                every,
                Arc::new(CountOutcomes(Arc::clone(&state.metrics))),
                stopped,
            ));
        }
        let report = StartReport {
            address,
            index: index_state,
            indexed,
            demo_loaded: demo.entries,
            demo_assessed: demo.assessed,
            startup: started.elapsed(),
        };
        Ok((
            Server {
                state,
                listener,
                follower,
                stop_follower,
                limits: config.limits,
                metrics_listener,
            },
            report,
        ))
    }

    /// The shared state (for tests and background jobs).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, then finishes the requests in flight and stops.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let app = router(self.state.clone());
        let (stop_metrics, metrics_stopped) = tokio::sync::oneshot::channel::<()>();
        if let Some(listener) = self.metrics_listener {
            let metrics_app = router::metrics_router(self.state.clone());
            let limits = self.limits;
            tokio::spawn(async move {
                let stopped = async {
                    let _ = metrics_stopped.await;
                };
                if let Err(error) = listener::serve(listener, metrics_app, limits, stopped).await {
                    tracing::error!(%error, "the metrics listener failed");
                }
            });
        }
        let result = listener::serve(self.listener, app, self.limits, shutdown).await;
        let _ = stop_metrics.send(());
        let _ = self.stop_follower.send(true);
        let _ = self.follower.await;
        self.state.catalog.close().await;
        result.map_err(ServerError::Serve)
    }
}

async fn crawl_state(
    catalog: &Catalog,
    data_dir: &std::path::Path,
    config: &CrawlConfig,
    assess_worker: Option<commons_app::worker::AssessWorker>,
    metrics: Arc<metrics::Metrics>,
) -> Result<CrawlState, ServerError> {
    if let Some(file) = &config.publishers {
        import_registry_file(catalog, file).await?;
    }
    let stored = commons_crawler::stored::load(catalog)
        .await
        .map_err(|e| ServerError::Startup(format!("the publishers registry: {e}")))?;
    let registry = stored.registry;
    let mut options = commons_crawler::CrawlerOptions::new(data_dir);
    options.allow_hosts = config.allow_hosts.clone();
    options.assess = config.assess;
    options.git_cache_max = config.git_cache_max;
    if let Some(workers) = config.workers {
        options.workers = workers;
    }
    options.assess_worker = assess_worker;
    let crawler = commons_crawler::Crawler::new(registry, catalog.clone(), options)
        .map_err(|e| ServerError::Startup(e.to_string()))?;
    let webhook_key = config
        .webhook_key
        .as_deref()
        .filter(|k| !k.is_empty())
        .map(commons_catalog::WebhookKey::new)
        .transpose()
        .map_err(|e| ServerError::Startup(e.to_string()))?;
    let queue = api::hooks::start_queue(crawler.clone(), config.hook_queue, metrics);
    Ok(CrawlState {
        crawler,
        webhook_key,
        queue,
        registry_file: config.publishers.clone(),
        registry_number: std::sync::atomic::AtomicI64::new(stored.number),
    })
}

/// Makes the registry file the catalog's registry (a new revision when it differs), as the
/// operator who started the server with it. Replicas started together may race: the loser
/// of a race finds the file's registry saved and changes nothing.
async fn import_registry_file(
    catalog: &Catalog,
    file: &std::path::Path,
) -> Result<(), ServerError> {
    use commons_crawler::stored::{Imported, RegistryChangeError, import};
    let invalid = |errors: Vec<String>| {
        ServerError::Startup(format!(
            "the publishers registry {} is invalid:\n{}",
            file.display(),
            errors.join("\n")
        ))
    };
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if size > commons_crawler::registry::MAX_REGISTRY_SIZE as u64 {
        return Err(invalid(vec![format!(
            "the file is {size} bytes, more than the {} allowed",
            commons_crawler::registry::MAX_REGISTRY_SIZE
        )]));
    }
    let bytes = std::fs::read(file)
        .map_err(|e| ServerError::Startup(format!("cannot read {}: {e}", file.display())))?;
    let actor = format!("operator (registry file {})", file.display());
    for _ in 0..3 {
        let at = auth::now();
        match import(catalog, &bytes, &actor, at).await {
            Ok(Imported::Invalid(errors)) => {
                return Err(invalid(errors.iter().map(ToString::to_string).collect()));
            }
            Ok(Imported::Unchanged(_)) => return Ok(()),
            Ok(Imported::Saved(number, summary)) => {
                tracing::info!(
                    revision = number,
                    added = summary.added.len(),
                    removed = summary.removed.len(),
                    changed = summary.changed.len(),
                    "the registry file was imported"
                );
                return Ok(());
            }
            Err(RegistryChangeError::Catalog(commons_catalog::CatalogError::Conflict(_))) => {}
            Err(RegistryChangeError::Invalid(errors)) => return Err(invalid(errors)),
            Err(RegistryChangeError::Catalog(e)) => return Err(e.into()),
        }
    }
    Err(ServerError::Startup(
        "the publishers registry kept changing while the registry file was imported".into(),
    ))
}

/// Counts each crawled repository's outcome in the metrics.
struct CountOutcomes(Arc<metrics::Metrics>);

impl commons_crawler::Progress for CountOutcomes {
    fn discovered(&self, _: &str, _: Result<usize, &str>) {}
    fn queued(&self, _: u64) {}
    fn finished(&self, report: &commons_crawler::RepositoryReport) {
        self.0.crawled_report(report);
    }
}

/// Crawls everything at start, then every `every`, until `stop` turns true.
async fn crawl_periodically(
    crawl: Arc<CrawlState>,
    catalog: Catalog,
    every: std::time::Duration,
    progress: Arc<CountOutcomes>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        let started = Instant::now();
        crawl.refresh_registry(&catalog).await;
        tokio::select! {
            result = crawl.crawler.run(progress.clone()) => match result {
                Ok(summary) => tracing::info!(
                    discovered = summary.discovered,
                    outcomes = ?summary.outcomes,
                    seconds = started.elapsed().as_secs_f64(),
                    "crawl finished"
                ),
                Err(e) => tracing::warn!(error = %e, "crawl failed; next attempt at the next period"),
            },
            _ = stop.changed() => return,
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C (SIGINT), for graceful shutdown.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
