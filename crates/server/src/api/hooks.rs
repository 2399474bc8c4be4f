//! Push webhooks: GitLab (`X-Gitlab-Token`) and GitHub (`X-Hub-Signature-256`). A delivery
//! with a good signature schedules a recrawl of the pushed repository at once and is answered
//! `202 Accepted`; a bad one is `401`, counted in the metrics, and does nothing.

use crate::error::ApiError;
use crate::metrics::HookLabels;
use crate::state::{AppState, CrawlState};
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use commons_crawler::webhook;
use std::sync::Arc;

fn count(state: &AppState, forge: &str, result: &str) {
    state
        .metrics
        .webhooks
        .get_or_create(&HookLabels {
            forge: forge.into(),
            result: result.into(),
        })
        .inc();
}

async fn body_of(body: Body) -> Result<axum::body::Bytes, ApiError> {
    axum::body::to_bytes(body, webhook::MAX_WEBHOOK_BODY)
        .await
        .map_err(|_| ApiError::PayloadTooLarge(webhook::MAX_WEBHOOK_BODY))
}

fn crawl_state(state: &AppState) -> Result<Arc<CrawlState>, ApiError> {
    state
        .crawl
        .clone()
        .ok_or_else(|| ApiError::NotFound("this server does not crawl (no --publishers)".into()))
}

/// Recrawls in the background; the outcome is stored like any crawl's.
fn schedule(crawl: Arc<CrawlState>, url: String) {
    tokio::spawn(async move {
        match crawl.crawler.crawl_repository(&url).await {
            Ok(report) => {
                tracing::info!(%url, outcome = report.outcome.as_str(), "webhook recrawl")
            }
            Err(e) => tracing::warn!(%url, error = %e, "webhook recrawl failed"),
        }
    });
}

/// A GitHub push webhook.
#[utoipa::path(
    post, path = "/api/v1/hooks/github", tag = "crawl",
    request_body(content = Vec<u8>, description = "GitHub's push event payload (JSON), signed with the shared secret", content_type = "application/json"),
    params(("X-Hub-Signature-256" = Option<String>, Header, description = "sha256=HMAC of the body")),
    responses(
        (status = 202, description = "The repository will be recrawled now"),
        (status = 400, description = "Not a push payload", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing or bad signature", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "This server does not crawl, or has no GitHub secret", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The payload is too large", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn github(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, ApiError> {
    let crawl = crawl_state(&state)?;
    let secret = crawl
        .github_secret
        .clone()
        .ok_or_else(|| ApiError::NotFound("no GitHub webhook secret is configured".into()))?;
    let bytes = body_of(body).await?;
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok());
    if webhook::verify_github_signature(secret.as_bytes(), &bytes, signature).is_err() {
        count(&state, "github", "bad_signature");
        return Err(ApiError::Unauthorized(
            "the X-Hub-Signature-256 signature does not match".into(),
        ));
    }
    let url = webhook::github_push_repository(&bytes).map_err(|e| {
        count(&state, "github", "bad_payload");
        ApiError::BadRequest(e.to_string())
    })?;
    count(&state, "github", "accepted");
    schedule(crawl, url);
    Ok(StatusCode::ACCEPTED)
}

/// A GitLab push webhook.
#[utoipa::path(
    post, path = "/api/v1/hooks/gitlab", tag = "crawl",
    request_body(content = Vec<u8>, description = "GitLab's push event payload (JSON)", content_type = "application/json"),
    params(("X-Gitlab-Token" = Option<String>, Header, description = "The shared token")),
    responses(
        (status = 202, description = "The repository will be recrawled now"),
        (status = 400, description = "Not a push payload", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing or bad token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "This server does not crawl, or has no GitLab token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The payload is too large", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn gitlab(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, ApiError> {
    let crawl = crawl_state(&state)?;
    let token = crawl
        .gitlab_token
        .clone()
        .ok_or_else(|| ApiError::NotFound("no GitLab webhook token is configured".into()))?;
    let given = headers.get("x-gitlab-token").and_then(|v| v.to_str().ok());
    if webhook::verify_gitlab_token(&token, given).is_err() {
        count(&state, "gitlab", "bad_signature");
        return Err(ApiError::Unauthorized(
            "the X-Gitlab-Token does not match".into(),
        ));
    }
    let bytes = body_of(body).await?;
    let url = webhook::gitlab_push_repository(&bytes).map_err(|e| {
        count(&state, "gitlab", "bad_payload");
        ApiError::BadRequest(e.to_string())
    })?;
    count(&state, "gitlab", "accepted");
    schedule(crawl, url);
    Ok(StatusCode::ACCEPTED)
}
