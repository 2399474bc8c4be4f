//! `/api/v1/software`: search and list, one entry, its publiccode.yml, its revisions.

use super::views::*;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use commons_app::AssessmentAsRead;
use commons_search::{Facet, Filters, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS, SearchQuery, Sort};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Results per page when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 20;

/// The search's query parameters, for the OpenAPI description (parsing is done by hand so that
/// repeated parameters and unknown ones get precise errors).
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SearchParams {
    /// Free text in any language (at most 256 characters).
    #[param(max_length = 256)]
    q: Option<String>,
    /// Order: `relevance` (default; by name when there is no text), `name`, `updated`,
    /// `vitality` or `security` (assessed entries first, highest first).
    sort: Option<String>,
    /// The reader's language (BCP 47), for descriptions and snippets.
    #[param(pattern = "^[A-Za-z0-9_-]{0,35}$")]
    lang: Option<String>,
    /// Results per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// The `next` value of the previous page (opaque; a cursor of another search is refused).
    #[param(pattern = "^[A-Za-z0-9_-]*$", max_length = 64)]
    cursor: Option<String>,
    /// Organisation id (repeat for any of several).
    organisation: Option<Vec<String>>,
    /// Category.
    category: Option<Vec<String>>,
    /// SPDX license id or expression.
    license: Option<Vec<String>>,
    /// `developmentStatus`.
    #[param(rename = "developmentStatus")]
    development_status: Option<Vec<String>>,
    /// `softwareType`.
    #[param(rename = "softwareType")]
    software_type: Option<Vec<String>>,
    /// Platform.
    platform: Option<Vec<String>>,
    /// `maintenance.type`.
    #[param(rename = "maintenanceType")]
    maintenance_type: Option<Vec<String>>,
    /// Available language (BCP 47).
    language: Option<Vec<String>>,
    /// Intended country (ISO 3166-1 alpha-2).
    country: Option<Vec<String>>,
    /// Intended scope.
    scope: Option<Vec<String>>,
    /// License family from the assessment: `permissive`, `weak-copyleft`, `strong-copyleft`,
    /// `network-copyleft`, `unknown`.
    #[param(rename = "licenseFamily")]
    license_family: Option<Vec<String>>,
    /// Every license OSI-approved, from the assessment: `yes` or `no`.
    #[param(rename = "osiApproved")]
    osi_approved: Option<Vec<String>>,
    /// Vitality band from the assessment: `0-24`, `25-49`, `50-74`, `75-100`.
    vitality: Option<Vec<String>>,
    /// Security score band from the assessment: `0-2`, `3-4`, `5-6`, `7-8`, `9-10`.
    #[param(rename = "securityScore")]
    security_score: Option<Vec<String>>,
    /// Known vulnerabilities found, from the assessment: `yes` or `no`.
    vulnerabilities: Option<Vec<String>>,
}

/// A parsed search request.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query for the index.
    pub query: SearchQuery,
}

/// Parses the query string of a search, refusing what it does not know.
pub fn parse_search(raw: Option<&str>) -> Result<SearchRequest, ApiError> {
    let mut query = SearchQuery {
        limit: DEFAULT_LIMIT,
        ..SearchQuery::default()
    };
    let mut filters = Filters::default();
    let mut cursor = None;
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.into_owned();
        match key.as_ref() {
            "q" => {
                if value.chars().count() > MAX_QUERY_CHARS {
                    return Err(ApiError::BadRequest(format!(
                        "q is longer than {MAX_QUERY_CHARS} characters"
                    )));
                }
                query.text = Some(value).filter(|v| !v.trim().is_empty());
            }
            "sort" => {
                query.sort = match value.as_str() {
                    "relevance" => Sort::Relevance,
                    "name" => Sort::Name,
                    "updated" => Sort::Updated,
                    "vitality" => Sort::Vitality,
                    "security" => Sort::Security,
                    other => {
                        return Err(ApiError::BadRequest(format!(
                            "sort must be relevance, name, updated, vitality or security, not {other:?}"
                        )));
                    }
                }
            }
            "lang" => {
                check_lang(Some(&value))?;
                query.lang = Some(value).filter(|v| !v.is_empty());
            }
            "limit" => {
                query.limit = value
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_LIMIT).contains(n))
                    .ok_or_else(|| {
                        ApiError::BadRequest(format!(
                            "limit must be a whole number from 1 to {MAX_LIMIT}, not {value:?}"
                        ))
                    })?;
            }
            "cursor" => cursor = Some(value).filter(|v| !v.is_empty()),
            name => match Facet::parse(name) {
                Some(facet) => {
                    if value.chars().count() > 200 {
                        return Err(ApiError::BadRequest(format!("{name} value is too long")));
                    }
                    if !value.is_empty() {
                        filters.add(facet, value);
                    }
                }
                None => {
                    return Err(ApiError::BadRequest(format!(
                        "unknown query parameter {name:?}; known: q, sort, lang, limit, cursor, {}",
                        Facet::ALL.map(Facet::as_str).join(", ")
                    )));
                }
            },
        }
    }
    if filters.0.values().map(Vec::len).sum::<usize>() > 50 {
        return Err(ApiError::BadRequest(
            "at most 50 filter values are accepted".into(),
        ));
    }
    query.filters = filters;
    if let Some(cursor) = cursor {
        query.offset = decode_cursor(&cursor, &fingerprint(&query))?;
    }
    Ok(SearchRequest { query })
}

/// What a cursor is bound to: the same text, filters and order (not the page size).
fn fingerprint(q: &SearchQuery) -> String {
    let mut hasher = Sha256::new();
    hasher.update(q.text.as_deref().unwrap_or("").as_bytes());
    hasher.update([0]);
    hasher.update(format!("{:?}|{:?}", q.sort, q.filters.0).as_bytes());
    hex::encode(&hasher.finalize()[..6])
}

/// The cursor of the page that starts at `offset` of this search (the web UI's numbered pages).
pub fn cursor_at(query: &SearchQuery, offset: usize) -> String {
    encode_cursor(offset, &fingerprint(query))
}

fn encode_cursor(offset: usize, fingerprint: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{offset}:{fingerprint}"))
}

fn decode_cursor(cursor: &str, fingerprint: &str) -> Result<usize, ApiError> {
    let bad = || {
        ApiError::BadRequest("cursor is not a cursor of this search: start again without it".into())
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (offset, print) = text.split_once(':').ok_or_else(bad)?;
    if print != fingerprint {
        return Err(bad());
    }
    offset
        .parse::<usize>()
        .ok()
        .filter(|o| *o <= MAX_OFFSET)
        .ok_or_else(bad)
}

/// Refuses a `lang` that is no language tag.
pub(crate) fn check_lang(lang: Option<&str>) -> Result<(), ApiError> {
    match lang {
        Some(lang)
            if lang.len() > 35
                || !lang
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            Err(ApiError::BadRequest(format!(
                "lang must be a BCP 47 language tag such as en or fr-CA, not {lang:?}"
            )))
        }
        _ => Ok(()),
    }
}

/// Runs a search and loads the page's entries.
pub async fn run_search(state: &AppState, request: &SearchRequest) -> Result<SearchPage, ApiError> {
    let index = state.index.clone();
    let mut query = request.query.clone();
    let metrics = state.metrics.clone();
    let meaning = state.meaning.clone();
    // Held by the search itself, so that a client gone while it runs does not free its place.
    let slot = Arc::clone(&state.searches)
        .acquire_owned()
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let results = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        let started = std::time::Instant::now();
        query.meaning = query.text.as_deref().and_then(|t| meaning.embed_query(t));
        let results = index.search(&query);
        metrics.search.observe(started.elapsed().as_secs_f64());
        results
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    let items = summaries(state, &results.hits, request.query.lang.as_deref()).await?;
    let end = request.query.offset + results.hits.len();
    let next = (end < results.total as usize && end <= MAX_OFFSET && !results.hits.is_empty())
        .then(|| encode_cursor(end, &fingerprint(&request.query)));
    let facets = results
        .facets
        .into_iter()
        .map(|(facet, values)| {
            (
                facet.as_str().to_string(),
                values
                    .into_iter()
                    .map(|(value, count)| FacetCount { value, count })
                    .collect(),
            )
        })
        .collect();
    Ok(SearchPage {
        total: results.total,
        items,
        facets,
        next,
    })
}

/// The hits as results in the reader's language: from the cards stored in the index, and
/// from the catalog for any hit without a readable card (an index written before cards were).
async fn summaries(
    state: &AppState,
    hits: &[commons_search::Hit],
    lang: Option<&str>,
) -> Result<Vec<SoftwareSummary>, ApiError> {
    let cards: Vec<Option<Card>> = hits
        .iter()
        .map(|hit| hit.card.as_deref().and_then(Card::decode))
        .collect();
    let missing: Vec<String> = hits
        .iter()
        .zip(&cards)
        .filter(|(_, card)| card.is_none())
        .map(|(hit, _)| hit.id.clone())
        .collect();
    let entries = if missing.is_empty() {
        Vec::new()
    } else {
        state.catalog.software_by_ids(&missing).await?
    };
    let by_id: BTreeMap<&str, &commons_catalog::Software> =
        entries.iter().map(|s| (s.id.as_str(), s)).collect();
    Ok(hits
        .iter()
        .zip(cards)
        .filter_map(|(hit, card)| {
            let mut summary = match card {
                Some(card) => Some(SoftwareSummary::of_card(&card, lang, &hit.snippet)),
                None => by_id
                    .get(hit.id.as_str())
                    .and_then(|s| SoftwareSummary::of(s, lang, &hit.snippet)),
            }?;
            summary.meaning_match = hit.meaning.as_ref().map(MeaningMatchView::of);
            Some(summary)
        })
        .collect())
}

/// Search and list the catalog.
#[utoipa::path(
    get, path = "/api/v1/software", tag = "software",
    params(SearchParams),
    responses(
        (status = 200, description = "A page of results with facet counts", body = SearchPage),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "A query parameter is wrong", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    // Read before the search: an answer is never filed under a newer generation than the one
    // it was computed on.
    let generation = state.search_generation();
    let key = raw.as_deref().unwrap_or("");
    if let Some(answer) = state.answers.get(generation, key) {
        return Ok(json_body(answer));
    }
    let request = parse_search(raw.as_deref())?;
    let page = run_search(&state, &request).await?;
    let body = bytes::Bytes::from(
        serde_json::to_vec(&page).map_err(|e| ApiError::Internal(e.to_string()))?,
    );
    let answer = crate::answers::Answer::new(body);
    state.answers.put(generation, key, answer.clone());
    Ok(json_body(answer))
}

fn json_body(answer: crate::answers::Answer) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, answer.etag),
        ],
        answer.body,
    )
        .into_response()
}

/// The entry when it is listed; 404 otherwise.
pub(crate) async fn listed(
    state: &AppState,
    id: &str,
) -> Result<commons_catalog::Software, ApiError> {
    state
        .catalog
        .software(id)
        .await?
        .filter(|s| s.listed && s.publiccode.is_some())
        .ok_or_else(|| ApiError::NotFound(format!("no listed software with id {id:?}")))
}

/// One entry.
#[utoipa::path(
    get, path = "/api/v1/software/{id}", tag = "software",
    params(("id" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, description = "The entry", body = SoftwareDetail),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No listed entry with this id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SoftwareDetail>, ApiError> {
    let software = listed(&state, &id).await?;
    let mut detail = SoftwareDetail::of(software)
        .ok_or_else(|| ApiError::NotFound(format!("no listed software with id {id:?}")))?;
    detail.listed_via = state
        .catalog
        .listings(&id)
        .await?
        .into_iter()
        .map(super::views::ListingView::of)
        .collect();
    Ok(Json(detail))
}

/// The live publiccode.yml of an entry, as published.
#[utoipa::path(
    get, path = "/api/v1/software/{id}/publiccode.yml", tag = "software",
    params(("id" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, description = "The file (a YAML mapping)", body = Object, content_type = "application/yaml"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No listed entry with this id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn raw(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let software = listed(&state, &id).await?;
    let revision = software
        .live_revision_id
        .ok_or_else(|| ApiError::NotFound(format!("{id:?} has no live revision")))?;
    let text = state
        .catalog
        .raw(revision)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("{id:?} has no live revision")))?;
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/yaml; charset=utf-8"),
    );
    Ok(response)
}

/// Every stored publiccode.yml of an entry, oldest first, with its validation result.
#[utoipa::path(
    get, path = "/api/v1/software/{id}/revisions", tag = "software",
    params(("id" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, description = "The revisions", body = Vec<RevisionView>),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No listed entry with this id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn revisions(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<RevisionView>>, ApiError> {
    let software = listed(&state, &id).await?;
    let revisions = state.catalog.revisions(&id).await?;
    Ok(Json(
        revisions
            .into_iter()
            .map(|r| RevisionView::of(r, software.live_revision_id))
            .collect(),
    ))
}

/// The latest assessment of an entry: license, security posture, vulnerabilities, vitality,
/// the UN Open Source Principles, the DPG Standard, OSAID and cost, each with its evidence.
/// The publisher's current declarations are applied to the principles and DPG indicators.
#[utoipa::path(
    get, path = "/api/v1/software/{id}/assessment", tag = "software",
    params(("id" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, description = "The assessment (shape documented with `commons assess`)", body = AssessmentView),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No listed entry with this id, or not assessed yet", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn assessment(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<AssessmentView>, ApiError> {
    let software = listed(&state, &id).await?;
    let stored = assessment_as_read(&state, &software)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("{id:?} has not been assessed yet")))?;
    Ok(Json(AssessmentView::of(stored)))
}

/// The latest assessment as readers see it (API and page): see
/// [`commons_app::assessment_as_read`]. A stored report that does not read as the contract is
/// a server error (logged), never a page that claims what the report does not say.
pub(crate) async fn assessment_as_read(
    state: &AppState,
    software: &commons_catalog::Software,
) -> Result<Option<AssessmentAsRead>, ApiError> {
    commons_app::assessment_as_read(&state.catalog, &state.index, software)
        .await
        .map_err(|e| match e {
            commons_app::ReadError::Catalog(e) => e.into(),
            unreadable => ApiError::Internal(unreadable.to_string()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_repeat_and_unknown_parameters_are_refused() {
        let r = parse_search(Some("q=health&category=health&category=education&limit=5")).unwrap();
        assert_eq!(r.query.filters.0[&Facet::Category], ["health", "education"]);
        assert_eq!(r.query.limit, 5);
        assert!(matches!(
            parse_search(Some("colour=red")),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            parse_search(Some("limit=0")),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            parse_search(Some("limit=x")),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            parse_search(Some("sort=up")),
            Err(ApiError::BadRequest(_))
        ));
    }

    #[test]
    fn cursors_belong_to_their_search() {
        let first = parse_search(Some("q=water")).unwrap();
        let cursor = encode_cursor(20, &fingerprint(&first.query));
        let next = parse_search(Some(&format!("q=water&cursor={cursor}"))).unwrap();
        assert_eq!(next.query.offset, 20);
        assert!(parse_search(Some(&format!("q=fire&cursor={cursor}"))).is_err());
        assert!(parse_search(Some("cursor=%%%")).is_err());
    }
}
