//! `GET /api/v1/audit`: the audit log, for administrators and curators signed in (their
//! session) and for the operator's bearer token (`--metrics-token-file`). Without either,
//! nobody reads the log over HTTP (`commons audit list` reads it from the shell).

use crate::error::ApiError;
use crate::state::{AppState, MetricsAccess};
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use commons_catalog::{AuditEntry, AuditQuery};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Entries in a page, at most.
const MAX_PAGE: i64 = 100;

/// One entry of the audit log.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryView {
    /// Its number: 1, 2, 3... with no gap.
    pub seq: i64,
    /// When, RFC 3339.
    pub at: String,
    /// Who (`operator (cli)`, `publisher:unicef (token 3)`, `catalog (registry or import)`,
    /// `user:ana@example.org` for someone signed in).
    pub actor: String,
    /// What (`token.issue`, `token.revoke`, `declaration.put`, `declaration.withdraw`,
    /// `hook_secret.rotate`, `organisation.create`, `organisation.update`, `software.publisher`,
    /// `session.open`, `session.close`, `role.grant`, `role.revoke`, `request.create`,
    /// `request.decide`).
    pub action: String,
    /// To what (`token:3`, `software:{id}/declarations/{item}`, `organisation:{id}`).
    pub target: String,
    /// The state before, when there was one.
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The state after, when there is one.
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// This entry's hash (SHA-256 of its canonical encoding).
    pub hash: String,
}

/// A page of the audit log, newest first.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditPage {
    /// The entries.
    pub entries: Vec<AuditEntryView>,
    /// The `before` of the next (older) page, when there is one.
    pub next: Option<i64>,
}

/// The audit endpoint's query.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditParams {
    /// Only entries at or after this time (RFC 3339).
    pub since: Option<String>,
    /// Only this actor's.
    #[param(max_length = 300)]
    pub actor: Option<String>,
    /// Only this action.
    #[param(max_length = 100)]
    pub action: Option<String>,
    /// Entries numbered below this one (the previous page's `next`).
    pub before: Option<i64>,
    /// Entries in the page, 1 to 100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

fn view(e: AuditEntry) -> AuditEntryView {
    let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    AuditEntryView {
        seq: e.seq,
        at: super::views::rfc3339(e.at),
        actor: e.actor,
        action: e.action,
        target: e.target,
        before: json(e.before),
        after: json(e.after),
        prev_hash: e.prev_hash,
        hash: e.hash,
    }
}

/// Whether the request bears the operator's token. Nobody may read the log when the operator
/// configured none.
fn operator(access: &MetricsAccess, headers: &HeaderMap) -> Result<(), ApiError> {
    // No credentials at all is 401 whatever the configuration (RFC 9110): the client learns
    // that the log needs a token before it learns whether this server hands it out.
    if !headers.contains_key(header::AUTHORIZATION) {
        return Err(ApiError::Unauthenticated {
            detail: "the audit log needs the operator's bearer token".into(),
            token_given: false,
        });
    }
    let MetricsAccess::Token(expected) = access else {
        return Err(ApiError::Forbidden(
            "the audit log is for the operator: it is served only to the bearer of the \
             operator's token (--metrics-token-file); use `commons audit list`"
                .into(),
        ));
    };
    super::ops::operator_bearer(
        expected,
        headers,
        "the audit log needs the operator's bearer token",
    )
}

/// The audit log, newest first: who issued or revoked a token, declared, rotated a webhook
/// secret, changed a publisher, signed in or out, gave or took back a role, or asked or decided
/// a request to publish, with the state before and after. For the operator's token, and for
/// administrators and curators signed in (their session cookie).
#[utoipa::path(
    get, path = "/api/v1/audit", tag = "operations",
    params(AuditParams),
    security(("operatorToken" = [])),
    responses(
        (status = 200, description = "A page of entries, newest first", body = AuditPage),
        (status = 400, description = "A malformed or unknown parameter", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "No token or not the operator's (with `WWW-Authenticate: Bearer`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Signed in without the administrator's or a curator's role; or a token was given, but the operator configured none", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    visitor: crate::auth::Visitor,
    headers: HeaderMap,
    query: Result<Query<AuditParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    // A signed-in administrator or curator reads it with their session; anyone else needs
    // the operator's token.
    match visitor.viewer.as_deref() {
        Some(viewer) => crate::auth::authorize(Some(viewer), crate::auth::Action::ReadAudit)
            .map_err(|_| {
                ApiError::Forbidden("the audit log is for administrators and curators".into())
            })?,
        None => operator(&state.http.metrics, &headers)?,
    }
    let Query(params) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let limit = params.limit.unwrap_or(50);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::BadRequest(format!(
            "limit must be from 1 to {MAX_PAGE}"
        )));
    }
    let since = match params.since.as_deref() {
        None => None,
        Some(text) => Some(
            text.parse::<jiff::Timestamp>()
                .map_err(|_| {
                    ApiError::BadRequest(format!("since: {text:?} is not an RFC 3339 time"))
                })?
                .as_second(),
        ),
    };
    let entries = state
        .catalog
        .audit_entries(&AuditQuery {
            since,
            actor: params.actor,
            action: params.action,
            before_seq: params.before,
            limit: limit + 1,
        })
        .await?;
    let more = entries.len() as i64 > limit;
    let entries: Vec<AuditEntryView> = entries.into_iter().take(limit as usize).map(view).collect();
    let next = if more {
        entries.last().map(|e| e.seq)
    } else {
        None
    };
    let mut response = Json(AuditPage { entries, next }).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
