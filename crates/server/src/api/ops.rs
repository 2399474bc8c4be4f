//! Operations: liveness, readiness, metrics.

use crate::error::ApiError;
use crate::state::AppState;
use crate::state::MetricsAccess;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Liveness: the process answers.
#[utoipa::path(
    get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Alive", body = String, content_type = "text/plain"))
)]
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// Readiness: the database answers and the search index has caught up with it.
#[utoipa::path(
    get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready", body = String, content_type = "text/plain"),
        (status = 503, description = "Not ready", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn readyz(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    if !state.is_ready() {
        return Err(ApiError::Unavailable(
            "the search index is being built".into(),
        ));
    }
    if let Err(error) = state.catalog.ping().await {
        // The database's own text names hosts, users and paths: the operator reads it in the
        // log, the client learns only that the database does not answer.
        tracing::warn!(%error, "readiness: the database does not answer");
        return Err(ApiError::Unavailable("the database does not answer".into()));
    }
    Ok("ready\n")
}

/// Prometheus metrics (text exposition format).
#[utoipa::path(
    get, path = "/metrics", tag = "operations",
    responses(
        (status = 200, description = "Metrics", body = String, content_type = "text/plain"),
        (status = 401, description = "The operator requires a token for the metrics", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The operator serves the metrics on another address", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(refused) = metrics_allowed(&state.http.metrics, &headers) {
        return refused.into_response();
    }
    state
        .metrics
        .indexed_entries
        .set(state.index.doc_count() as i64);
    if let Ok(seq) = state.index.indexed_seq() {
        state.metrics.indexed_seq.set(seq);
    }
    let (size, idle) = state.catalog.pool_use();
    let pool = &state.metrics.database_connections;
    let gauge = |name: &str| {
        pool.get_or_create(&crate::metrics::PoolLabels {
            state: name.to_string(),
        })
        .clone()
    };
    gauge("idle").set(idle as i64);
    gauge("in_use").set(size.saturating_sub(idle) as i64);
    if let Some(crawl) = &state.crawl {
        state
            .metrics
            .hook_queue_waiting
            .set(crawl.queue.len() as i64);
    }
    state
        .metrics
        .validations_running
        .set(state.validations.in_use() as i64);
    if let Some(limiter) = &state.rate_limiter {
        state
            .metrics
            .rate_limit_clients
            .set(limiter.tracked() as i64);
    }
    let meaning = &state.meaning;
    let metrics = &state.metrics;
    metrics.meaning_ready.set(i64::from(
        meaning.state() == crate::meaning::MeaningState::Ready,
    ));
    metrics.meaning_vectors.set(meaning.vectors() as i64);
    metrics.meaning_pending.set(meaning.pending() as i64);
    let mut response = state.metrics.encode().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// Whether this request may read the metrics under the operator's `access`.
fn metrics_allowed(access: &MetricsAccess, headers: &HeaderMap) -> Result<(), ApiError> {
    match access {
        MetricsAccess::Public => Ok(()),
        MetricsAccess::Elsewhere => Err(ApiError::NotFound(
            "the metrics are served on another address".into(),
        )),
        MetricsAccess::Token(expected) => operator_bearer(
            expected,
            headers,
            "the metrics need the operator's bearer token",
        ),
    }
}

/// Whether the request bears the operator's token, whose SHA-256 is `expected` (compared in
/// constant time); a 401 saying `detail` otherwise.
pub(crate) fn operator_bearer(
    expected: &[u8; 32],
    headers: &HeaderMap,
    detail: &str,
) -> Result<(), ApiError> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|token| Sha256::digest(token.trim().as_bytes()));
    match given {
        Some(digest) if bool::from(digest[..].ct_eq(expected)) => Ok(()),
        _ => Err(ApiError::Unauthenticated {
            detail: detail.into(),
            token_given: headers.contains_key(header::AUTHORIZATION),
        }),
    }
}
