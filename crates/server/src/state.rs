//! What every handler shares.

use crate::metrics::Metrics;
use commons_catalog::Catalog;
use commons_search::SearchIndex;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the server needs to crawl and to answer webhooks.
pub struct CrawlState {
    /// The crawler.
    pub crawler: commons_crawler::Crawler,
    /// The key publishers' webhook secrets are derived from (GitHub's signatures need it).
    pub webhook_key: Option<commons_catalog::WebhookKey>,
    /// The recrawls webhooks asked for.
    pub queue: std::sync::Arc<crate::hook_queue::HookQueue>,
}

/// The server's shared state: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The catalog store (source of truth).
    pub catalog: Catalog,
    /// This replica's search index.
    pub index: Arc<SearchIndex>,
    /// Prometheus metrics.
    pub(crate) metrics: Arc<Metrics>,
    /// The crawler and webhook secrets, when the server crawls.
    pub crawl: Option<Arc<CrawlState>>,
    ready: Arc<AtomicBool>,
}

impl AppState {
    /// State over an open catalog and index.
    pub fn new(catalog: Catalog, index: Arc<SearchIndex>) -> Self {
        AppState {
            catalog,
            index,
            metrics: Arc::new(Metrics::new()),
            crawl: None,
            ready: Arc::new(AtomicBool::new(false)),
        }
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
