//! `/api/v1/organisations`: the publishers and their software.

use super::views::*;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};

/// Every organisation with its number of listed entries, by name.
#[utoipa::path(
    get, path = "/api/v1/organisations", tag = "organisations",
    responses(
        (status = 200, description = "The organisations", body = Vec<OrganisationView>),
        (status = 304, description = "Not modified (If-None-Match)"),
    )
)]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<OrganisationView>>, ApiError> {
    let organisations = state.catalog.organisations().await?;
    Ok(Json(organisations.into_iter().map(Into::into).collect()))
}

/// Loads an organisation and its listed software, summarised in `lang`.
pub async fn detail(
    state: &AppState,
    id: &str,
    lang: Option<&str>,
) -> Result<OrganisationDetail, ApiError> {
    let organisation = state
        .catalog
        .organisation(id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no organisation with id {id:?}")))?;
    let ids = state.catalog.organisation_software(id).await?;
    let mut software = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(100) {
        for s in state.catalog.software_by_ids(chunk).await? {
            if let Some(summary) = SoftwareSummary::of(&s, lang, &[]) {
                software.push(summary);
            }
        }
    }
    Ok(OrganisationDetail {
        organisation: organisation.into(),
        software,
    })
}

/// One organisation with its listed software.
#[utoipa::path(
    get, path = "/api/v1/organisations/{id}", tag = "organisations",
    params(("id" = String, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation", body = OrganisationDetail),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No organisation with this id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<OrganisationDetail>, ApiError> {
    Ok(Json(detail(&state, &id, None).await?))
}
