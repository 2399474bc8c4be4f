//! Crawl outcomes, for maintainers: "why is my project not listed?", per publisher and per
//! repository, on every forge alike.

use super::views::rfc3339;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use commons_catalog::{CrawlOutcome, CrawledRepository};
use commons_publiccode::Diagnostic;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What the crawler knows of one repository.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RepositoryStatus {
    /// The repository (current URL).
    pub repository_url: String,
    /// The publisher whose hosting it was found in.
    pub publisher_id: String,
    /// The hosting location.
    pub hosting_url: String,
    /// Forge kind.
    pub forge: String,
    /// Whether it vanished from its hosting (its entry and history stay).
    pub gone: bool,
    /// The entry it feeds, when it has one.
    pub software_id: Option<String>,
    /// The last outcome: `ok`, `invalid`, `unreachable`, `too_large`, `not_found`,
    /// `skipped_unchanged`, `refused`, `gone`.
    pub last_outcome: Option<String>,
    /// Why, in words.
    pub last_detail: Option<String>,
    /// The last commit read.
    pub last_commit: Option<String>,
    /// When it was last crawled, RFC 3339.
    pub last_crawled_at: Option<String>,
}

/// One crawl of a repository.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeView {
    /// What happened.
    pub outcome: String,
    /// Why, in words.
    pub detail: Option<String>,
    /// The validator's errors with lines and columns, for an invalid file.
    pub errors: Vec<Diagnostic>,
    /// The commit read.
    pub commit: Option<String>,
    /// When, RFC 3339.
    pub crawled_at: String,
}

/// A repository with its recent crawls.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RepositoryHistory {
    /// Its state.
    pub repository: RepositoryStatus,
    /// Its latest crawls, newest first (at most 20).
    pub outcomes: Vec<OutcomeView>,
    /// Former URLs (renames, moves), by which it is found too.
    pub aliases: Vec<String>,
}

impl From<CrawledRepository> for RepositoryStatus {
    fn from(r: CrawledRepository) -> Self {
        RepositoryStatus {
            repository_url: r.repository_url,
            publisher_id: r.publisher_id,
            hosting_url: r.hosting_url,
            forge: r.forge.as_str().into(),
            gone: r.gone,
            software_id: r.software_id,
            last_outcome: r.last_outcome.map(|o| o.as_str().to_string()),
            last_detail: r.last_detail,
            last_commit: r.last_commit,
            last_crawled_at: r.last_crawled_at.map(rfc3339),
        }
    }
}

impl From<CrawlOutcome> for OutcomeView {
    fn from(o: CrawlOutcome) -> Self {
        OutcomeView {
            outcome: o.outcome.as_str().into(),
            detail: o.detail,
            errors: o.errors,
            commit: o.commit,
            crawled_at: rfc3339(o.crawled_at),
        }
    }
}

/// Every crawled repository of a publisher, with its last outcome.
#[utoipa::path(
    get, path = "/api/v1/crawl/publishers/{id}", tag = "crawl",
    params(("id" = String, Path, description = "The publisher's id")),
    responses(
        (status = 200, description = "The publisher's repositories", body = Vec<RepositoryStatus>),
        (status = 304, description = "Not modified (If-None-Match)"),
    )
)]
pub async fn publisher(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<RepositoryStatus>>, ApiError> {
    let repositories = state.catalog.crawled_repositories(Some(&id)).await?;
    Ok(Json(repositories.into_iter().map(Into::into).collect()))
}

/// `?url=` of the repository endpoint.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RepositoryQuery {
    /// The repository's URL (its current one, or a former one).
    #[param(max_length = 2000)]
    pub url: String,
}

/// Loads a repository's status and history by any of its URLs.
pub async fn history(state: &AppState, url: &str) -> Result<RepositoryHistory, ApiError> {
    let url = url.trim().trim_end_matches('/');
    let current = match state.catalog.software_by_url(url).await? {
        Some(software) => software.repository_url,
        None => url.to_string(),
    };
    let repository = state
        .catalog
        .crawled_repository(&current)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("the crawler has never seen {url:?}")))?;
    let outcomes = state.catalog.crawl_outcomes(&current, 20).await?;
    let aliases = match &repository.software_id {
        Some(id) => state.catalog.aliases(id).await?,
        None => Vec::new(),
    };
    Ok(RepositoryHistory {
        repository: repository.into(),
        outcomes: outcomes.into_iter().map(Into::into).collect(),
        aliases,
    })
}

/// One repository's state and recent crawls, by its URL or a former one.
#[utoipa::path(
    get, path = "/api/v1/crawl/repository", tag = "crawl",
    params(RepositoryQuery),
    responses(
        (status = 200, description = "The repository's crawls", body = RepositoryHistory),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "No url parameter", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Never crawled", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn repository(
    State(state): State<AppState>,
    query: Result<Query<RepositoryQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<RepositoryHistory>, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    Ok(Json(history(&state, &query.url).await?))
}
