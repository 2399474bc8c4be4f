//! Prometheus metrics, served at `/metrics` in the text exposition format.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Labels of one HTTP answer.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route template (`/api/v1/software/{id}`), or `unmatched`.
    pub route: String,
    /// The method.
    pub method: String,
    /// The status code.
    pub status: u16,
}

/// Labels of a webhook delivery.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HookLabels {
    /// `github` or `gitlab`.
    pub forge: String,
    /// `accepted`, `bad_signature`, `bad_payload`, `not_owner`, `replayed` or `queue_full`.
    pub result: String,
}

/// Labels of a request refused for its client's rate.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LimitedLabels {
    /// `api` or `page`.
    pub kind: String,
}

/// Labels of a latency observation.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The route template.
    pub route: String,
}

/// The server's metrics.
pub struct Metrics {
    registry: Registry,
    /// Answers by route, method and status.
    pub requests: Family<RequestLabels, Counter>,
    /// Latency by route, in seconds.
    pub latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    /// Entries in this replica's search index.
    pub indexed_entries: Gauge,
    /// The catalog change number this replica's index reflects.
    pub indexed_seq: Gauge,
    /// Webhook deliveries by forge and result (bad signatures included).
    pub webhooks: Family<HookLabels, Counter>,
    /// Requests answered `429`, API or page.
    pub rate_limited: Family<LimitedLabels, Counter>,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0005, 2.0, 14))
}

impl Metrics {
    /// A fresh registry with every metric registered.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("commons");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        let indexed_entries = Gauge::default();
        let indexed_seq = Gauge::default();
        let webhooks = Family::<HookLabels, Counter>::default();
        let rate_limited = Family::<LimitedLabels, Counter>::default();
        registry.register(
            "rate_limited_requests",
            "Requests answered 429 because their client was over its rate",
            rate_limited.clone(),
        );
        registry.register(
            "webhooks",
            "Webhook deliveries by forge and result",
            webhooks.clone(),
        );
        registry.register(
            "http_requests",
            "HTTP answers by route, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer, by route",
            latency.clone(),
        );
        registry.register(
            "index_entries",
            "Entries in this replica's search index",
            indexed_entries.clone(),
        );
        registry.register(
            "index_change_seq",
            "Catalog change number this replica's index reflects",
            indexed_seq.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            indexed_entries,
            indexed_seq,
            webhooks,
            rate_limited,
        }
    }

    /// Counts a request refused for its client's rate.
    pub fn rate_limited(&self, kind: &str) {
        self.rate_limited
            .get_or_create(&LimitedLabels {
                kind: kind.to_string(),
            })
            .inc();
    }

    /// The text exposition.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}
