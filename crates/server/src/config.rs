//! How the server is configured.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// `commons serve`'s settings.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub listen: SocketAddr,
    /// Data directory: the SQLite catalog and the search index (default `./commons-data`).
    pub data_dir: PathBuf,
    /// A `postgres://` (or `sqlite://`) URL; `None` for SQLite in the data directory.
    pub database: Option<String>,
    /// Load the built-in demo catalog when the catalog is empty.
    pub demo: bool,
    /// How often the index follower looks for catalog changes.
    pub poll_interval: Duration,
    /// Background crawling, when a publishers registry is given.
    pub crawl: Option<CrawlConfig>,
    /// Timeouts and the cap on open connections.
    pub limits: crate::ConnectionLimits,
    /// HTTPS, HSTS and who may read the metrics.
    pub http: crate::HttpPolicy,
    /// Serve `/metrics` only on this address (then not on `listen`).
    pub metrics_listen: Option<SocketAddr>,
    /// Requests per client (`None`: unlimited, as in tests; `commons serve` limits by default).
    pub rate_limit: Option<crate::RateLimitConfig>,
    /// Longest time a request may take before it is answered `408`.
    pub request_timeout: Duration,
    /// Validations at once (`None`: half the cores).
    pub max_validations: Option<usize>,
    /// The program crawled and demo repositories are assessed in, a child process per
    /// assessment; `None` assesses in this process (tests). `commons serve` passes itself.
    pub assess_worker: Option<commons_app::worker::AssessWorker>,
    /// The OpenID Connect provider staff sign in with (`[oidc]`); without it nobody signs in
    /// and the catalog is read-only in the browser.
    pub oidc: Option<OidcConfig>,
    /// The verified e-mail addresses made administrators (`[access] admins`).
    pub admins: Vec<String>,
    /// How long a sign-in lasts (`[access] session_lifetime`, default 8 hours).
    pub session_lifetime: Duration,
    /// Days a token issued in the browser lasts by default (`[access] token_days`, 90).
    pub token_days: u32,
    /// The most days a token issued in the browser may last (`[access] token_max_days`, 365).
    pub token_max_days: u32,
    /// Search by meaning: where the model is, whether to fetch it.
    pub meaning: crate::meaning::MeaningConfig,
}

/// `[oidc]`: the OpenID Connect provider. The client secret stays in its file: only the
/// file's path is kept here, so that no secret is ever printed or logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcConfig {
    /// The issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`).
    pub issuer: String,
    /// The client id registered with the provider.
    pub client_id: String,
    /// The file holding the client secret.
    pub client_secret_file: PathBuf,
    /// Where the provider sends the browser back (default: `<public_url>/auth/callback`).
    pub redirect_url: Option<String>,
    /// The catalog's public address, as browsers reach it.
    pub public_url: Option<String>,
}

/// Crawling from the server: a registry, a period, and the webhook secrets.
#[derive(Debug, Clone)]
pub struct CrawlConfig {
    /// The publishers registry file, imported into the catalog at start and then the only
    /// way to change the registry; `None`: the registry the catalog keeps, curated in the
    /// browser (`/admin/publishers`) or imported with `commons publishers import`.
    pub publishers: Option<PathBuf>,
    /// Crawl everything this often (`None`: only on webhooks).
    pub every: Option<Duration>,
    /// Hosts contacted besides those of the registry (tests on loopback).
    pub allow_hosts: Vec<String>,
    /// The key every publisher's webhook secret is derived from (at least 32 bytes); without
    /// it the GitHub hook answers 404 (GitLab's tokens are checked by their hash alone).
    pub webhook_key: Option<String>,
    /// Recrawls webhooks may leave waiting; beyond, a hook is answered 503.
    pub hook_queue: usize,
    /// Assess crawled repositories (fetching their whole history).
    pub assess: bool,
    /// The git cache's cap in bytes, kept after each crawl.
    pub git_cache_max: u64,
    /// Repositories crawled at once (`None`: the crawler's default, 8).
    pub workers: Option<usize>,
}

impl CrawlConfig {
    /// Crawling `publishers` only on webhooks, with every other setting at its default:
    /// assessments on, the default queue, git cache cap and workers, no webhook key.
    pub fn new(publishers: impl Into<PathBuf>) -> Self {
        CrawlConfig {
            publishers: Some(publishers.into()),
            ..CrawlConfig::from_database()
        }
    }

    /// Crawling the registry the catalog keeps, only on webhooks, with every other setting at
    /// its default.
    pub fn from_database() -> Self {
        CrawlConfig {
            publishers: None,
            every: None,
            allow_hosts: Vec::new(),
            webhook_key: None,
            hook_queue: crate::hook_queue::DEFAULT_CAPACITY,
            assess: true,
            git_cache_max: commons_crawler::gc::DEFAULT_GIT_CACHE_MAX,
            workers: None,
        }
    }
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("commons-data"),
            database: None,
            demo: false,
            poll_interval: Duration::from_secs(1),
            crawl: None,
            limits: crate::ConnectionLimits::default(),
            http: crate::HttpPolicy::default(),
            metrics_listen: None,
            assess_worker: None,
            rate_limit: None,
            request_timeout: Duration::from_secs(30),
            max_validations: None,
            oidc: None,
            admins: Vec::new(),
            session_lifetime: Duration::from_secs(8 * 3600),
            token_days: 90,
            token_max_days: 365,
            meaning: crate::meaning::MeaningConfig::default(),
        }
    }
}
