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

/// Labels of a repository's crawl outcome.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CrawlLabels {
    /// The forge's host (from the registry, so a bounded set).
    pub forge: String,
    /// The outcome (`ok`, `skipped_unchanged`, `invalid`, `not_found`, ...).
    pub outcome: String,
}

/// Labels of the database pool's connections.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PoolLabels {
    /// `idle` or `in_use`.
    pub state: String,
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
    /// Time the search index takes per search (the query alone, without loading entries; with
    /// the query text's embedding when search by meaning is on).
    pub search: Histogram,
    /// Time a crawled repository's assessment takes (its own process included).
    pub assessment: Histogram,
    /// Repositories crawled, by forge and outcome (periodic crawls and webhook recrawls).
    pub crawl_outcomes: Family<CrawlLabels, Counter>,
    /// The database pool's connections, idle and in use (read at each scrape).
    pub database_connections: Family<PoolLabels, Gauge>,
    /// Webhook recrawls waiting (read at each scrape).
    pub hook_queue_waiting: Gauge,
    /// Validations running (read at each scrape).
    pub validations_running: Gauge,
    /// Clients the rate limit tracks (read at each scrape).
    pub rate_limit_clients: Gauge,
    /// 1 when searches use meaning (the model is loaded), else 0 (read at each scrape).
    pub meaning_ready: Gauge,
    /// Meaning vectors stored (read at each scrape).
    pub meaning_vectors: Gauge,
    /// Texts waiting to be embedded (read at each scrape).
    pub meaning_pending: Gauge,
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
        let search = latency_histogram();
        let assessment = Histogram::new(exponential_buckets(0.1, 2.0, 12));
        registry.register(
            "assessment_duration_seconds",
            "Time a crawled repository's assessment takes",
            assessment.clone(),
        );
        let crawl_outcomes = Family::<CrawlLabels, Counter>::default();
        let database_connections = Family::<PoolLabels, Gauge>::default();
        let hook_queue_waiting = Gauge::default();
        let validations_running = Gauge::default();
        let rate_limit_clients = Gauge::default();
        registry.register(
            "search_duration_seconds",
            "Time the search index takes per search",
            search.clone(),
        );
        registry.register(
            "crawl_outcomes",
            "Repositories crawled, by forge and outcome",
            crawl_outcomes.clone(),
        );
        registry.register(
            "database_connections",
            "The database pool's connections, idle and in use",
            database_connections.clone(),
        );
        registry.register(
            "hook_queue_waiting",
            "Webhook recrawls waiting",
            hook_queue_waiting.clone(),
        );
        registry.register(
            "validations_running",
            "Validations running now",
            validations_running.clone(),
        );
        registry.register(
            "rate_limit_clients",
            "Clients the rate limit tracks",
            rate_limit_clients.clone(),
        );
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
        let meaning_ready = Gauge::default();
        let meaning_vectors = Gauge::default();
        let meaning_pending = Gauge::default();
        registry.register(
            "meaning_ready",
            "1 when searches use meaning as well as words (the model is loaded)",
            meaning_ready.clone(),
        );
        registry.register(
            "meaning_vectors",
            "Meaning vectors stored (one per entry and language)",
            meaning_vectors.clone(),
        );
        registry.register(
            "meaning_pending",
            "Texts waiting to be embedded",
            meaning_pending.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            indexed_entries,
            indexed_seq,
            webhooks,
            rate_limited,
            search,
            assessment,
            crawl_outcomes,
            database_connections,
            hook_queue_waiting,
            validations_running,
            rate_limit_clients,
            meaning_ready,
            meaning_vectors,
            meaning_pending,
        }
    }

    /// Counts one repository's crawl: its outcome, and its assessment's time if it had one.
    pub fn crawled_report(&self, report: &commons_crawler::RepositoryReport) {
        self.crawled(&report.url, report.outcome.as_str());
        if let Some(took) = report.assessment {
            self.assessment.observe(took.as_secs_f64());
        }
    }

    /// Counts one repository's crawl outcome.
    pub fn crawled(&self, url: &str, outcome: &str) {
        let forge = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "unknown".into());
        self.crawl_outcomes
            .get_or_create(&CrawlLabels {
                forge,
                outcome: outcome.to_string(),
            })
            .inc();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every metric with one series, so that the exposition names them all (a family without
    /// a series is not written).
    fn exposition_of_every_metric() -> String {
        let metrics = Metrics::new();
        let request = RequestLabels {
            route: "/".into(),
            method: "GET".into(),
            status: 200,
        };
        metrics.requests.get_or_create(&request).inc();
        metrics
            .latency
            .get_or_create(&RouteLabels { route: "/".into() })
            .observe(0.001);
        metrics
            .webhooks
            .get_or_create(&HookLabels {
                forge: "gitlab".into(),
                result: "accepted".into(),
            })
            .inc();
        metrics.rate_limited("api");
        metrics.crawled("https://gitlab.example.org/a/b", "ok");
        metrics
            .database_connections
            .get_or_create(&PoolLabels {
                state: "idle".into(),
            })
            .set(1);
        metrics.search.observe(0.001);
        metrics.encode()
    }

    /// The alert rules and the dashboard in `deploy/` name only metrics this server exports,
    /// so that renaming a metric cannot leave an alert that never fires.
    #[test]
    fn the_deployed_alerts_and_dashboard_name_only_exported_metrics() {
        let exposition = exposition_of_every_metric();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy");
        for file in ["prometheus/alerts.yml", "grafana/commons-dashboard.json"] {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            let mut named = 0;
            for (at, _) in text.match_indices("commons_") {
                let name: String = text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                let family = ["_total", "_bucket", "_count", "_sum"]
                    .iter()
                    .find_map(|suffix| name.strip_suffix(suffix))
                    .unwrap_or(&name);
                assert!(
                    exposition.contains(&format!("# TYPE {family} ")),
                    "{file} names {name}, which /metrics does not export"
                );
                named += 1;
            }
            assert!(named >= 5, "{file} names {named} metrics");
        }
    }
}
