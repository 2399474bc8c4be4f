//! Every route in one place, and the layers every answer goes through.

use crate::api::{
    self, audit, crawl, declarations, exports, hooks, ops, organisations, software, validate,
};
use crate::auth;
use crate::error::ApiError;
use crate::middleware;
use crate::state::AppState;
use crate::web;
use axum::Router;
use axum::http::{Method, header};
use axum::routing::{get, post, put};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::timeout::TimeoutLayer;

/// The read API: public, cacheable, open to other origins for GET; and the writes.
fn api_routes() -> Router<AppState> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH])
        .expose_headers([header::ETAG]);
    Router::new()
        .route("/software", get(software::search))
        .route("/software/{id}", get(software::one))
        .route("/software/{id}/publiccode.yml", get(software::raw))
        .route("/software/{id}/revisions", get(software::revisions))
        .route("/software/{id}/assessment", get(software::assessment))
        .route("/software/{id}/similar", get(super::api::similar::similar))
        .route("/duplicates", get(super::api::duplicates::duplicates))
        .route("/software/{id}/declarations", get(declarations::list))
        .route("/software/{id}/codemeta.json", get(exports::codemeta))
        .route("/export/dcat-ap.ttl", get(exports::dcat_ap))
        .route("/export/catalog.json", get(exports::catalog_json))
        .route("/organisations", get(organisations::list))
        .route("/organisations/{id}", get(organisations::one))
        .route("/crawl/publishers/{id}", get(crawl::publisher))
        .route("/crawl/repository", get(crawl::repository))
        .route("/openapi.json", get(api::openapi))
        .layer(cors)
        // Publishers write with a token, from their own systems: no cross-origin access.
        .route(
            "/software/{id}/declarations/{item}",
            put(declarations::put).delete(declarations::delete),
        )
        .route("/hooks/github/{publisher}", post(hooks::github))
        .route("/hooks/gitlab", post(hooks::gitlab))
        .route("/hooks/publisher", post(hooks::publisher))
        .route("/validate", post(validate::validate_body))
        // The operator's: no cross-origin access, never cached.
        .route("/audit", get(audit::list))
        .fallback(|| async { ApiError::NotFound("no such API endpoint".into()) })
}

/// The Software Catalog API: public, read only, open to other origins.
fn open_catalog_routes() -> Router<AppState> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH])
        .expose_headers([header::ETAG]);
    crate::open_catalog::routes().layer(cors)
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let request_timeout = state.request_timeout;
    Router::new()
        .nest("/api/v1", api_routes())
        .nest("/open-catalog/v1", open_catalog_routes())
        .merge(web::router())
        .route("/login", get(auth::routes::login))
        .route("/auth/callback", get(auth::routes::callback))
        .route("/logout", post(auth::routes::logout))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::record_metrics,
        ))
        .fallback(web::not_found)
        // One layer made of every layer: `Router::layer` wraps each route in a boxed service
        // per layer, and each request cloned the whole chain of boxes (a tenth of a cached
        // answer's cost); composed first, a request clones one. The first named is the
        // outermost.
        .layer(
            ServiceBuilder::new()
                // Outermost: every answer, refusals included, has an id and an access log line.
                .layer(axum::middleware::from_fn(
                    middleware::request_id_and_access_log,
                ))
                .layer(axum::middleware::from_fn(middleware::limit_uri))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    middleware::security_headers,
                ))
                // Outside the timeout and everything else: a client over budget costs a map
                // lookup.
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    crate::rate_limit::limit_clients,
                ))
                .layer(TimeoutLayer::with_status_code(
                    axum::http::StatusCode::REQUEST_TIMEOUT,
                    request_timeout,
                ))
                .layer(CompressionLayer::new())
                .layer(axum::middleware::from_fn(middleware::etag))
                // Who is asking: before every handler, the fallback's page included (its
                // header).
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    auth::identify,
                )),
        )
        .with_state(state)
}

/// `/metrics` alone, for the operator's separate metrics address (`--metrics-listen`).
pub fn metrics_router(state: AppState) -> Router {
    let request_timeout = state.request_timeout;
    let mut open = (*state.http).clone();
    open.metrics = crate::state::MetricsAccess::Public;
    let mut state = state;
    state.http = std::sync::Arc::new(open);
    Router::new()
        .route("/metrics", get(ops::metrics))
        .fallback(|| async { ApiError::NotFound("only /metrics is served here".into()) })
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            request_timeout,
        ))
        .with_state(state)
}
