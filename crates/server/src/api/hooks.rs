//! Push webhooks, one secret per publisher: GitLab (`X-Gitlab-Token`: the publisher's secret,
//! found by its hash) and GitHub (`X-Hub-Signature-256`: HMAC of the body with the secret of
//! the publisher the hook's path names, `/hooks/github/{publisher}`).
//!
//! In order, each step before the next costs more: the publisher is authenticated (GitLab
//! before the body is read; GitHub before it is parsed), the body is read up to
//! [`webhook::MAX_WEBHOOK_BODY`] (`413` beyond, from `Content-Length` before reading), the
//! repository is named, it must be that publisher's by the registry (`403`: a secret of
//! publisher A never recrawls B's repository), a delivery id seen before is a replay (`200`,
//! nothing done), and the recrawl joins the bounded, de-duplicated [`HookQueue`] (`202`;
//! `503` with `Retry-After` when full).

use crate::error::ApiError;
use crate::hook_queue::{HookQueue, Queued};
use crate::metrics::HookLabels;
use crate::state::{AppState, CrawlState};
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use commons_catalog::MAX_DELIVERY_ID_LEN;
use commons_crawler::webhook;
use commons_publiccode::RepositoryUrl;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// How long a delivery id is remembered: GitHub lets a delivery be redelivered for 3 days.
const DELIVERY_MEMORY_SECONDS: i64 = 3 * 24 * 3600;

/// What a client is told to wait when the queue is full, in seconds.
const RETRY_AFTER_SECONDS: &str = "30";

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

/// The body, refused from its announced length before anything is read, and cut off while
/// streaming when it announced nothing or lied.
async fn capped_body(headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > webhook::MAX_WEBHOOK_BODY as u64) {
        return Err(ApiError::PayloadTooLarge(webhook::MAX_WEBHOOK_BODY));
    }
    axum::body::to_bytes(body, webhook::MAX_WEBHOOK_BODY)
        .await
        .map_err(|_| ApiError::PayloadTooLarge(webhook::MAX_WEBHOOK_BODY))
}

fn crawl_state(state: &AppState) -> Result<Arc<CrawlState>, ApiError> {
    state.crawl.clone().ok_or_else(|| {
        ApiError::NotFound("this server does not crawl (started without --crawl)".into())
    })
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The forge's delivery id, when it sent a usable one.
fn delivery_id(headers: &HeaderMap, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let id = headers.get(*name)?.to_str().ok()?.trim();
        let usable = !id.is_empty()
            && id.len() <= MAX_DELIVERY_ID_LEN
            && id.bytes().all(|b| b.is_ascii_graphic());
        usable.then(|| id.to_string())
    })
}

/// One authenticated push: the publisher it speaks for and what it names.
struct Push<'a> {
    forge: &'static str,
    publisher: &'a str,
    repository: String,
    delivery: Option<String>,
}

/// Checks that the repository is the publisher's, drops replays, and queues the recrawl.
async fn accept(
    state: &AppState,
    crawl: &CrawlState,
    push: Push<'_>,
) -> Result<Response, ApiError> {
    let forge = push.forge;
    let repository = RepositoryUrl::parse(&push.repository).map_err(|e| {
        count(state, forge, "bad_payload");
        ApiError::BadRequest(format!("the pushed repository {:?}: {e}", push.repository))
    })?;
    // A curator may have just added the hosting, on this server or another.
    crawl.refresh_registry(&state.catalog).await;
    let registry = crawl.crawler.registry();
    let owner = registry.owner_of(&repository);
    let Some((_, hosting)) = owner.filter(|(p, _)| p.id == push.publisher) else {
        count(state, forge, "not_owner");
        tracing::warn!(publisher = push.publisher, repository = ?push.repository, "webhook for a repository of another publisher refused");
        return Err(ApiError::Forbidden(format!(
            "{} is not a repository of publisher {:?} in the registry",
            repository, push.publisher
        )));
    };
    let delivery = push.delivery.map(|id| format!("{forge}:{id}"));
    if let Some(id) = &delivery
        && !state
            .catalog
            .remember_delivery(id, now(), DELIVERY_MEMORY_SECONDS)
            .await?
    {
        count(state, forge, "replayed");
        return Ok((StatusCode::OK, "this delivery was acted on already\n").into_response());
    }
    let key = repository.key(hosting.kind.path_case());
    match crawl.queue.push(key, repository.as_url()) {
        Queued::Added | Queued::AlreadyWaiting => {
            count(state, forge, "accepted");
            Ok(StatusCode::ACCEPTED.into_response())
        }
        Queued::Full => {
            count(state, forge, "queue_full");
            if let Some(id) = &delivery {
                // Not acted on: the forge's retry of this delivery must be.
                state.catalog.forget_delivery(id).await?;
            }
            let mut response =
                ApiError::Unavailable("too many recrawls are waiting; retry later".into())
                    .into_response();
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from_static(RETRY_AFTER_SECONDS),
            );
            Ok(response)
        }
    }
}

/// Starts the queue every hook-triggered recrawl goes through.
pub fn start_queue(
    crawler: commons_crawler::Crawler,
    capacity: usize,
    metrics: Arc<crate::metrics::Metrics>,
) -> Arc<HookQueue> {
    HookQueue::start(capacity, move |url: String| {
        let crawler = crawler.clone();
        let metrics = Arc::clone(&metrics);
        async move {
            match crawler.crawl_repository(&url).await {
                Ok(report) => {
                    metrics.crawled_report(&report);
                    tracing::info!(url = ?url, outcome = report.outcome.as_str(), "webhook recrawl")
                }
                Err(e) => tracing::warn!(url = ?url, error = %e, "webhook recrawl failed"),
            }
        }
    })
}

/// A GitHub push webhook, for one publisher.
#[utoipa::path(
    post, path = "/api/v1/hooks/github/{publisher}", tag = "crawl",
    request_body(content = Vec<u8>, description = "GitHub's push event payload (JSON, at most 1 MiB), signed with the publisher's webhook secret", content_type = "application/json"),
    params(
        ("publisher" = String, Path, description = "The publisher's id in the registry"),
        ("X-Hub-Signature-256" = Option<String>, Header, description = "sha256=HMAC of the body"),
        ("X-GitHub-Delivery" = Option<String>, Header, description = "The delivery's id: a replay is acted on once"),
    ),
    responses(
        (status = 200, description = "A replay of a delivery already acted on: nothing done"),
        (status = 202, description = "The repository will be recrawled"),
        (status = 400, description = "Not a push payload", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing or bad signature, or no secret for this publisher", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The repository is not this publisher's", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "This server does not crawl, or has no webhook key", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The payload is too large", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many recrawls waiting (see Retry-After)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn github(
    State(state): State<AppState>,
    Path(publisher): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let crawl = crawl_state(&state)?;
    let key = crawl.webhook_key.as_ref().ok_or_else(|| {
        ApiError::NotFound("no webhook key is configured (COMMONS_WEBHOOK_KEY)".into())
    })?;
    let unauthorized = |state: &AppState| {
        count(state, "github", "bad_signature");
        ApiError::Unauthorized("the X-Hub-Signature-256 signature does not match".into())
    };
    let Some(secret) = state.catalog.live_hook_secret(key, &publisher).await? else {
        return Err(unauthorized(&state));
    };
    let bytes = capped_body(&headers, body).await?;
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok());
    if webhook::verify_github_signature(secret.as_bytes(), &bytes, signature).is_err() {
        return Err(unauthorized(&state));
    }
    let repository = webhook::github_push_repository(&bytes).map_err(|e| {
        count(&state, "github", "bad_payload");
        ApiError::BadRequest(e.to_string())
    })?;
    let push = Push {
        forge: "github",
        publisher: &publisher,
        repository,
        delivery: delivery_id(&headers, &["x-github-delivery"]),
    };
    accept(&state, &crawl, push).await
}

/// A GitLab push webhook; the token says which publisher it is.
#[utoipa::path(
    post, path = "/api/v1/hooks/gitlab", tag = "crawl",
    request_body(content = Vec<u8>, description = "GitLab's push event payload (JSON, at most 1 MiB)", content_type = "application/json"),
    params(
        ("X-Gitlab-Token" = Option<String>, Header, description = "The publisher's webhook secret"),
        ("X-Gitlab-Event-UUID" = Option<String>, Header, description = "The delivery's id: a replay is acted on once"),
        ("Idempotency-Key" = Option<String>, Header, description = "Taken as the delivery's id when there is no X-Gitlab-Event-UUID"),
    ),
    responses(
        (status = 200, description = "A replay of a delivery already acted on: nothing done"),
        (status = 202, description = "The repository will be recrawled"),
        (status = 400, description = "Not a push payload", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing or bad token", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The repository is not the token's publisher's", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "This server does not crawl", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The payload is too large", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many recrawls waiting (see Retry-After)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn gitlab(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let crawl = crawl_state(&state)?;
    let given = headers.get("x-gitlab-token").and_then(|v| v.to_str().ok());
    let publisher = match given {
        Some(token) => state.catalog.hook_publisher(token).await?,
        None => None,
    };
    let Some(publisher) = publisher else {
        count(&state, "gitlab", "bad_signature");
        return Err(ApiError::Unauthorized(
            "the X-Gitlab-Token is not a publisher's webhook secret".into(),
        ));
    };
    let bytes = capped_body(&headers, body).await?;
    let repository = webhook::gitlab_push_repository(&bytes).map_err(|e| {
        count(&state, "gitlab", "bad_payload");
        ApiError::BadRequest(e.to_string())
    })?;
    let push = Push {
        forge: "gitlab",
        publisher: &publisher,
        repository,
        delivery: delivery_id(&headers, &["x-gitlab-event-uuid", "idempotency-key"]),
    };
    accept(&state, &crawl, push).await
}

/// What a publisher asks to be read again.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecrawlBody {
    /// The repository's URL, in any spelling the forge accepts; it must lie in one of the
    /// token's publisher's hosting locations.
    #[schema(max_length = 2000, pattern = r"^[hH][tT][tT][pP][sS]?://\S+$")]
    pub repository: String,
}

/// A publisher asks the catalog to read one of its repositories again (a release pipeline,
/// a forge without webhooks), with a token of scope `publishing`.
#[utoipa::path(
    post, path = "/api/v1/hooks/publisher", tag = "crawl",
    request_body(content = RecrawlBody, content_type = "application/json"),
    security(("publisherToken" = [])),
    responses(
        (status = 202, description = "The repository will be read again"),
        (status = 401, description = "No token, or a token that is unknown, revoked or expired (with `WWW-Authenticate: Bearer`)", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Bearer realm=\"commons\"`, with `error=\"invalid_token\"` when a token was given"))),
        (status = 403, description = "The token's scope is `declarations`, or the repository is not its publisher's", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "This server does not crawl", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 400, description = "The repository is not a usable URL", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 1 MiB", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body is not `{\"repository\": URL}`", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many recrawls waiting (see Retry-After)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn publisher(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let who = super::declarations::authenticate(&state, &headers).await?;
    if !who.scope.may_publish() {
        return Err(ApiError::Forbidden(
            "this token may declare only: a token of scope `publishing` asks for recrawls".into(),
        ));
    }
    let crawl = crawl_state(&state)?;
    super::require_json(&headers)?;
    let bytes = capped_body(&headers, body).await?;
    let asked: RecrawlBody = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::Unprocessable(format!("the body is not {{\"repository\": URL}}: {e}"))
    })?;
    if asked.repository.chars().count() > 2000 {
        return Err(ApiError::Unprocessable(
            "the repository URL is longer than 2,000 characters".into(),
        ));
    }
    let push = Push {
        forge: "token",
        publisher: &who.organisation_id,
        repository: asked.repository,
        delivery: None,
    };
    accept(&state, &crawl, push).await
}
