//! `/api/v1/software/{id}/similar`: the entries closest in meaning to one entry, the other
//! organisations' first, each labelled with how it relates when the files say so (one is based
//! on the other, or depends on it), since that is reuse, not duplication.

use super::views::SoftwareSummary;
use crate::error::ApiError;
use crate::meaning::MeaningState;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use commons_catalog::Software;
use commons_search::{based_on_link, depends_on_link, links_of};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Entries at least this close (cosine of their closest texts) are similar. Two catalog
/// descriptions of the same kind of software score 0.5 to 0.8 with the sentence encoder
/// (DocVault and its sign-on add-on 0.49 to 0.55 by language, ImmuTrack and the community
/// health app 0.66); entries of unrelated fields stay under 0.45.
pub const SIMILAR_MIN: f32 = 0.5;
/// Default and largest `limit`.
const DEFAULT_SIMILAR: usize = 6;
const MAX_SIMILAR: usize = 50;

/// `?limit=&lang=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SimilarParams {
    /// Entries to return, 1 to 50 (default 6).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<u32>,
    /// The reader's language (BCP 47), for the descriptions.
    #[param(pattern = "^[A-Za-z0-9_-]{0,35}$")]
    lang: Option<String>,
}

/// How two entries relate by what their files declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum Relation {
    /// This entry is based on the other (`isBasedOn` names its URL): a fork or a derivative.
    BasedOn,
    /// The other is based on this entry.
    BasisOf,
    /// This entry depends on the other (`dependsOn` names it).
    DependsOn,
    /// The other depends on this entry.
    DependencyOf,
}

/// An entry close in meaning to another.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SimilarEntry {
    /// Cosine similarity of the two entries' closest texts (0 to 1 in practice).
    pub similarity: f32,
    /// The language of this entry's text that was closest.
    pub language: String,
    /// Published by the same organisation as the entry asked about.
    pub same_organisation: bool,
    /// How the two relate by their files, when they declare it: then not a duplicate.
    pub relation: Option<Relation>,
    /// The entry.
    pub software: SoftwareSummary,
}

/// The answer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SimilarPage {
    /// Whether search by meaning works on this server (without the model the list is empty,
    /// and this says why).
    pub meaning: MeaningState,
    /// Other organisations' entries first, then the same organisation's, each closest first.
    pub items: Vec<SimilarEntry>,
}

/// Entries that do the same job as this one, by meaning, in any language.
#[utoipa::path(
    get, path = "/api/v1/software/{id}/similar", tag = "software",
    params(("id" = String, Path, description = "The entry's id"), SimilarParams),
    responses(
        (status = 200, description = "The closest entries", body = SimilarPage),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "A query parameter is wrong", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No listed entry with this id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn similar(
    State(state): State<AppState>,
    Path(id): Path<String>,
    params: Result<Query<SimilarParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<SimilarPage>, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let limit = match params.limit {
        None => DEFAULT_SIMILAR,
        Some(n @ 1..=50) => n as usize,
        Some(_) => {
            return Err(ApiError::BadRequest(format!(
                "limit must be 1 to {MAX_SIMILAR}"
            )));
        }
    };
    super::software::check_lang(params.lang.as_deref())?;
    let software = super::software::listed(&state, &id).await?;
    let items = similar_entries(&state, &software, limit, params.lang.as_deref()).await?;
    Ok(Json(SimilarPage {
        meaning: state.meaning.state(),
        items,
    }))
}

/// The entries closest to `software`, other organisations' first.
pub(crate) async fn similar_entries(
    state: &AppState,
    software: &Software,
    limit: usize,
    lang: Option<&str>,
) -> Result<Vec<SimilarEntry>, ApiError> {
    let index = state.index.clone();
    let id = software.id.clone();
    // Ask for more than needed: the same organisation's come after the others'.
    let near = tokio::task::spawn_blocking(move || index.similar(&id, limit * 2, SIMILAR_MIN))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    let ids: Vec<String> = near.iter().map(|n| n.id.clone()).collect();
    let entries = if ids.is_empty() {
        Vec::new()
    } else {
        state.catalog.software_by_ids(&ids).await?
    };
    let mut items: Vec<SimilarEntry> = near
        .iter()
        .filter_map(|n| {
            let other = entries
                .iter()
                .find(|s| s.id == n.id && s.listed && s.publiccode.is_some())?;
            Some(SimilarEntry {
                similarity: (n.similarity * 100.0).round() / 100.0,
                language: n.lang.clone(),
                same_organisation: other.organisation_id.is_some()
                    && other.organisation_id == software.organisation_id,
                relation: relation(software, other),
                software: SoftwareSummary::of(other, lang, &[])?,
            })
        })
        .collect();
    // Stable: closest first within each group.
    items.sort_by_key(|e| e.same_organisation);
    items.truncate(limit);
    Ok(items)
}

/// How `a` relates to `b` by their files' `isBasedOn` and `dependsOn`.
pub fn relation(a: &Software, b: &Software) -> Option<Relation> {
    let (pa, pb) = (a.publiccode.as_ref()?, b.publiccode.as_ref()?);
    let (links_a, links_b) = (links_of(pa), links_of(pb));
    let based_on = |links: &[String], other: &Software, p: &commons_publiccode::PublicCode| {
        [other.repository_url.as_str(), p.url.as_str()]
            .iter()
            .any(|url| links.contains(&based_on_link(url)))
    };
    if based_on(&links_a, b, pb) {
        Some(Relation::BasedOn)
    } else if based_on(&links_b, a, pa) {
        Some(Relation::BasisOf)
    } else if links_a.contains(&depends_on_link(&pb.name)) {
        Some(Relation::DependsOn)
    } else if links_b.contains(&depends_on_link(&pa.name)) {
        Some(Relation::DependencyOf)
    } else {
        None
    }
}
