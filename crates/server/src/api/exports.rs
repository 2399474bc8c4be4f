//! Exports for other catalogs: an entry's CodeMeta 3 JSON-LD, the whole catalog as DCAT-AP 3
//! in Turtle and as a JSON dump. The documents are written by `commons_catalog::export`, which
//! `commons export` uses too; here they are only sent. Whole-catalog documents are streamed a
//! page of entries at a time, so a large catalog is never held in memory.

use super::software::listed;
use crate::error::ApiError;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use commons_catalog::export::{CatalogFormat, Export, codemeta};
use commons_publiccode::PublicCode;
use serde::Serialize;
use utoipa::ToSchema;

/// The CodeMeta 3 document of one entry.
#[utoipa::path(
    get, path = "/api/v1/software/{id}/codemeta.json", tag = "exports",
    params(("id" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, description = "CodeMeta 3.0 JSON-LD (`@context` https://w3id.org/codemeta/3.0), mapped with the CodeMeta project's publiccode.yml crosswalk", body = Object, content_type = "application/ld+json"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No listed entry with this id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn codemeta(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let software = listed(&state, &id).await?;
    let organisation = match &software.organisation_id {
        Some(org) => state.catalog.organisation(org).await?,
        None => None,
    };
    let body = codemeta::codemeta_json(&software, organisation.as_ref())
        .ok_or_else(|| ApiError::NotFound(format!("no listed software with id {id:?}")))?;
    Ok(typed(body.into(), "application/ld+json"))
}

/// The whole catalog in DCAT-AP 3.
#[utoipa::path(
    get, path = "/api/v1/export/dcat-ap.ttl", tag = "exports",
    responses(
        (status = 200, description = "A dcat:Catalog with a dcat:CatalogRecord for each listed entry, in Turtle; valid against the DCAT-AP 3.0.0 SHACL shapes", body = String, content_type = "text/turtle"),
        (status = 503, description = "As many whole-catalog exports as the server allows are being sent: try again after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn dcat_ap(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(typed(
        stream(state, CatalogFormat::DcatAp)?,
        "text/turtle; charset=utf-8",
    ))
}

/// The whole catalog as JSON: organisations, and every listed entry with its metadata and
/// its live publiccode.yml as published.
#[utoipa::path(
    get, path = "/api/v1/export/catalog.json", tag = "exports",
    responses(
        (status = 200, description = "The catalog dump", body = CatalogDump),
        (status = 503, description = "As many whole-catalog exports as the server allows are being sent: try again after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn catalog_json(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(typed(
        stream(state, CatalogFormat::Json)?,
        "application/json",
    ))
}

fn typed(body: Body, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

/// The export as a body read a page of entries at a time. A store failure half way ends the
/// body with an error, which the client sees as a broken transfer, never as a whole document.
fn stream(state: AppState, format: CatalogFormat) -> Result<Body, ApiError> {
    // Held by the body until its last chunk is sent (or the client goes away).
    let permit = std::sync::Arc::clone(&state.exports)
        .try_acquire_owned()
        .map_err(|_| ApiError::Busy {
            detail: format!(
                "{} whole-catalog exports are being sent; try again soon",
                crate::state::EXPORTS_AT_ONCE
            ),
            retry_after_seconds: 60,
        })?;
    let start = Some((Export::new(format), permit));
    let chunks = futures_util::stream::unfold(start, move |export| {
        let catalog = state.catalog.clone();
        async move {
            let (mut export, permit) = export?;
            match export.next_chunk(&catalog).await {
                Ok(Some(chunk)) => Some((Ok(Bytes::from(chunk)), Some((export, permit)))),
                Ok(None) => None,
                Err(error) => {
                    tracing::error!(%error, "the export stopped");
                    Some((Err(error), None))
                }
            }
        }
    });
    Ok(Body::from_stream(chunks))
}

/// The JSON dump (`GET /api/v1/export/catalog.json`). Documentation only: the dump is
/// written by `commons_catalog::export::dump`, a test checks the two agree.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct CatalogDump {
    /// Always `commons-catalog-dump`.
    format: String,
    /// The dump's version (1): raised when a key changes meaning or goes.
    version: u32,
    /// The catalog's last change number when the dump started.
    last_change: i64,
    /// Every organisation, with its number of listed entries.
    organisations: Vec<DumpOrganisation>,
    /// Every listed entry, in id order.
    software: Vec<DumpEntry>,
}

/// An organisation in the dump.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct DumpOrganisation {
    /// Stable id.
    id: String,
    /// Display name.
    name: String,
    /// Identifier (URL or URN), when known.
    uri: Option<String>,
    /// Listed entries.
    software_count: i64,
}

/// An entry in the dump.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct DumpEntry {
    /// Stable id.
    id: String,
    /// Name.
    name: String,
    /// Repository URL.
    repository_url: String,
    /// Forge kind (`gitlab`, `github`, `gitea`, `git`, `local`, `demo`).
    forge: String,
    /// Default branch, when known.
    default_branch: Option<String>,
    /// Last commit seen, when known.
    last_commit: Option<String>,
    /// Publishing organisation's id.
    organisation_id: Option<String>,
    /// The live revision.
    live_revision_id: Option<i64>,
    /// First seen, RFC 3339.
    created_at: String,
    /// Last change, RFC 3339.
    updated_at: String,
    /// The live publiccode.yml, as the typed model.
    publiccode: PublicCode,
    /// The live publiccode.yml as published (the text `/api/v1/software/{id}/publiccode.yml`
    /// serves).
    publiccode_yml: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn at_most_two_whole_catalog_exports_are_sent_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = commons_catalog::Catalog::open(None, dir.path())
            .await
            .unwrap();
        let index = std::sync::Arc::new(commons_search::SearchIndex::in_memory().unwrap());
        let state = AppState::new(catalog, index);
        // Two bodies not yet read hold both places.
        let first = catalog_json(State(state.clone())).await.unwrap();
        let second = dcat_ap(State(state.clone())).await.unwrap();
        let refused = catalog_json(State(state.clone())).await.unwrap_err();
        let refused = refused.into_response();
        assert_eq!(refused.status(), 503);
        assert_eq!(refused.headers()[header::RETRY_AFTER], "60");
        // A body read to its end gives its place back.
        drop(second);
        let body = axum::body::to_bytes(first.into_body(), usize::MAX)
            .await
            .unwrap();
        assert!(body.starts_with(b"{"));
        assert!(catalog_json(State(state.clone())).await.is_ok());
    }
}
