//! What every handler shares.

use crate::api::validate::ValidationSlots;
use crate::metrics::Metrics;
use commons_catalog::Catalog;
use commons_search::SearchIndex;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whole-catalog exports sent at once. Each is hundreds of megabytes at 100,000 entries and
/// reads the whole catalog: without a bound, a few clients asking again and again would take
/// the server's database and bandwidth from every other reader.
pub const EXPORTS_AT_ONCE: usize = 2;

/// What the server needs to crawl and to answer webhooks.
pub struct CrawlState {
    /// The crawler.
    pub crawler: commons_crawler::Crawler,
    /// The key publishers' webhook secrets are derived from (GitHub's signatures need it).
    pub webhook_key: Option<commons_catalog::WebhookKey>,
    /// The recrawls webhooks asked for.
    pub queue: std::sync::Arc<crate::hook_queue::HookQueue>,
    /// The registry file the server was started with (then the registry is changed only by
    /// editing it), or `None` when curators change the registry in the browser.
    pub registry_file: Option<std::path::PathBuf>,
    /// The revision of the registry the crawler has.
    pub registry_number: std::sync::atomic::AtomicI64,
}

impl CrawlState {
    /// Gives the crawler the newest registry when the catalog has a newer revision than the
    /// one it has (a curator changed it, on this server or another). On failure the crawler
    /// keeps the registry it has, and the failure is logged.
    pub async fn refresh_registry(&self, catalog: &commons_catalog::Catalog) {
        use std::sync::atomic::Ordering;
        let number = match catalog.registry_number().await {
            Ok(number) => number,
            Err(error) => {
                tracing::warn!(%error, "the registry's revision could not be read");
                return;
            }
        };
        if number == self.registry_number.load(Ordering::Acquire) {
            return;
        }
        match commons_crawler::stored::load(catalog).await {
            Ok(stored) => {
                self.crawler.set_registry(stored.registry);
                self.registry_number.store(stored.number, Ordering::Release);
                tracing::info!(revision = stored.number, "the publishers registry changed");
            }
            Err(error) => {
                tracing::error!(%error, "the new publishers registry is not used");
            }
        }
    }
}

/// Who may read `/metrics`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum MetricsAccess {
    /// Anyone who reaches the server (the default: a server on loopback behind a proxy that
    /// does not forward `/metrics`).
    #[default]
    Public,
    /// Only a request with `Authorization: Bearer <token>`; the SHA-256 of the token.
    Token([u8; 32]),
    /// Not on this listener: the operator serves it on a separate address.
    Elsewhere,
}

/// How clients reach the server, which decides some headers.
#[derive(Debug, Clone, Default)]
pub struct HttpPolicy {
    /// Clients reach the server over HTTPS (directly or through a proxy that terminates TLS):
    /// every cookie is `Secure`.
    pub https: bool,
    /// `Strict-Transport-Security: max-age=…` to send, only when `https`.
    pub hsts_max_age: Option<std::time::Duration>,
    /// Who may read `/metrics`.
    pub metrics: MetricsAccess,
}

/// The server's shared state: one reference count to clone. Axum clones the state for every
/// layer and handler a request passes through; with each part counted on its own, the atomic
/// increments and decrements of a dozen counts shared by every core were a tenth of a cached
/// answer's cost.
///
/// Reads go through [`Deref`](std::ops::Deref). Changing a part (only while the server is
/// being set up, and in tests) copies the parts on write, so a change made through one clone
/// is never seen by another, as when the parts were cloned one by one.
#[derive(Clone)]
pub struct AppState {
    shared: Arc<SharedState>,
}

/// What [`AppState`] holds.
#[derive(Clone)]
pub struct SharedState {
    /// The catalog store (source of truth).
    pub catalog: Catalog,
    /// This replica's search index.
    pub index: Arc<SearchIndex>,
    /// Prometheus metrics.
    pub(crate) metrics: Arc<Metrics>,
    /// The crawler and webhook secrets, when the server crawls.
    pub crawl: Option<Arc<CrawlState>>,
    /// Headers and access decided by how the server is deployed.
    pub http: Arc<HttpPolicy>,
    /// The slots validations run in (the API's and the page's).
    pub validations: Arc<ValidationSlots>,
    /// Each client's request budget (`None`: unlimited).
    pub rate_limiter: Option<Arc<crate::rate_limit::ClientLimiter>>,
    /// Longest time a request may take before it is answered `408`.
    pub request_timeout: std::time::Duration,
    /// The API's recent search answers, as sent.
    pub answers: Arc<crate::answers::AnswerCache>,
    /// Places for searches running at once: two per core (one keeps a core busy while the
    /// other is handed over; at 100,000 entries, 32 clients got 600 answers a second, against
    /// 510 with one per core and 580 unbounded). More at once only share the cores, with a
    /// thread and memory each (500 MB unbounded, 180 MB so); beyond these, a search waits its
    /// turn in order.
    pub searches: Arc<tokio::sync::Semaphore>,
    /// Places for whole-catalog exports being sent ([`EXPORTS_AT_ONCE`]).
    pub exports: Arc<tokio::sync::Semaphore>,
    /// Search by meaning (the encoder and the vectors), when on.
    pub meaning: Arc<crate::meaning::Meaning>,
    /// Sign-in, sessions and the administrators by configuration.
    pub access: Arc<crate::auth::Access>,
    ready: Arc<AtomicBool>,
}

impl AppState {
    /// State over an open catalog and index.
    pub fn new(catalog: Catalog, index: Arc<SearchIndex>) -> Self {
        let shared = SharedState {
            catalog,
            index,
            metrics: Arc::new(Metrics::new()),
            crawl: None,
            http: Arc::new(HttpPolicy::default()),
            validations: Arc::new(ValidationSlots::half_the_cores()),
            rate_limiter: None,
            request_timeout: std::time::Duration::from_secs(30),
            answers: Arc::new(crate::answers::AnswerCache::default()),
            searches: Arc::new(tokio::sync::Semaphore::new(
                2 * std::thread::available_parallelism().map_or(2, usize::from),
            )),
            exports: Arc::new(tokio::sync::Semaphore::new(EXPORTS_AT_ONCE)),
            meaning: Arc::new(crate::meaning::Meaning::off()),
            access: Arc::new(crate::auth::Access::none()),
            ready: Arc::new(AtomicBool::new(false)),
        };
        AppState {
            shared: Arc::new(shared),
        }
    }

    /// What search answers depend on besides the query: the index's generation and, for
    /// search by meaning, the vectors' and the model's. A cached answer is good while this is
    /// unchanged.
    pub fn search_generation(&self) -> u64 {
        self.index
            .generation()
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(self.meaning.generation())
    }

    /// Whether the index has caught up with the catalog at least once.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Relaxed)
    }

    /// Marks the server ready (or not).
    pub fn set_ready(&self, ready: bool) {
        self.ready.store(ready, Ordering::Relaxed);
    }
}

impl std::ops::Deref for AppState {
    type Target = SharedState;

    fn deref(&self) -> &SharedState {
        &self.shared
    }
}

impl std::ops::DerefMut for AppState {
    fn deref_mut(&mut self) -> &mut SharedState {
        Arc::make_mut(&mut self.shared)
    }
}
