//! `/api/v1/software/{id}/declarations`: what a publisher declares about the UN Open Source
//! Principles and the DPG indicators that an assessment cannot detect (SDG relevance, privacy
//! and applicable laws, do no harm...).
//!
//! Reading is public. Writing takes `Authorization: Bearer <token>`, a token issued to the
//! organisation that publishes the entry (`commons publishers token issue`); the catalog
//! looks it up by its hash, and nothing here logs it or sends it back. Every write is checked
//! in this order: the token (401), the entry (404), the organisation (403), the item and the
//! body (415, 413, 422).

use super::views::rfc3339;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use commons_assess::principles::{is_item_id, item_ids};
use commons_catalog::{CatalogError, NewDeclaration, StoredDeclaration, TokenIdentity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};
use utoipa::ToSchema;

/// Largest declaration body accepted, in bytes (the longest valid body is far smaller).
pub const MAX_DECLARATION_BODY: usize = 64 * 1024;
/// Longest `by` and `role`, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest `statement`, in characters.
pub const MAX_STATEMENT_CHARS: usize = 4_000;
/// Longest `url`, in characters.
pub const MAX_URL_CHARS: usize = 2_000;

/// A publisher's current declaration about one item.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeclarationView {
    /// The item: a UN principle or a DPG indicator id.
    pub item: String,
    /// Who declared (a name).
    pub by: String,
    /// Their role or title.
    pub role: Option<String>,
    /// When, RFC 3339 (UTC), set by the server.
    pub at: String,
    /// What they state.
    pub statement: Option<String>,
    /// A link to the supporting document (http or https).
    pub url: Option<String>,
    /// True when they declare that the item does not apply.
    pub not_applicable: bool,
    /// The organisation that declared (the publisher of the entry).
    pub organisation: String,
}

impl DeclarationView {
    fn of(d: &StoredDeclaration) -> Self {
        DeclarationView {
            item: d.item.clone(),
            by: d.by.clone(),
            role: d.role.clone(),
            at: rfc3339(d.declared_at),
            statement: d.statement.clone(),
            url: d.url.clone(),
            not_applicable: d.not_applicable,
            organisation: d.organisation_id.clone(),
        }
    }
}

/// What a publisher declares about one item. `at` is not sent: the server sets it. A
/// statement, a url or `notApplicable: true` must be given.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclarationBody {
    /// Who declares: a person's name (1 to 200 characters).
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\u0000-\u001f\u007f-\u009f]*\S[^\u0000-\u001f\u007f-\u009f]*$"
    )]
    pub by: String,
    /// Their role or title, at most 200 characters (DPG indicators 7 to 9 ask for someone
    /// authorised to speak for the project).
    #[serde(default)]
    #[schema(max_length = 200, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*$")]
    pub role: Option<String>,
    /// What they state, at most 4,000 characters (line breaks allowed).
    #[serde(default)]
    #[schema(
        max_length = 4000,
        pattern = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"
    )]
    pub statement: Option<String>,
    /// A link to the supporting document: http or https, at most 2,000 characters.
    #[serde(default)]
    #[schema(
        max_length = 2000,
        pattern = r"^[hH][tT][tT][pP][sS]?://[^\s/?#@]+([/?#]\S*)?$"
    )]
    pub url: Option<String>,
    /// True to declare that the item does not apply to this software.
    #[serde(default)]
    pub not_applicable: bool,
}

/// A principle or DPG indicator id (the ids of `commons assess`).
pub struct ItemId;

impl utoipa::PartialSchema for ItemId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "A UN Open Source Principle (`un-...`) or DPG Standard indicator (`dpg-...`) id",
            ))
            .enum_values(Some(item_ids()))
            .into()
    }
}

impl ToSchema for ItemId {}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Who the request's bearer token speaks for; 401 without one or with a token that is not
/// live. The token is only hashed and looked up; it appears in no message.
pub(crate) async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<TokenIdentity, ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ApiError::Unauthenticated {
            detail: "this operation needs a publisher token: Authorization: Bearer <token>".into(),
            token_given: false,
        });
    };
    let bearer = value
        .to_str()
        .ok()
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    let Some(token) = bearer.filter(|t| !t.is_empty()) else {
        return Err(ApiError::Unauthenticated {
            detail: "the Authorization header must be `Bearer <token>`".into(),
            token_given: false,
        });
    };
    state
        .catalog
        .authenticate(token, now())
        .await?
        .ok_or(ApiError::Unauthenticated {
            detail: "the token is unknown, revoked or expired".into(),
            token_given: true,
        })
}

/// The listed entry, and the checks that the token's organisation publishes it and that the
/// item exists.
async fn writable(
    state: &AppState,
    who: &TokenIdentity,
    id: &str,
    item: &str,
) -> Result<(), ApiError> {
    let software = super::software::listed(state, id).await?;
    match software.organisation_id.as_deref() {
        Some(publisher) if publisher == who.organisation_id => {}
        Some(publisher) => {
            return Err(ApiError::Forbidden(format!(
                "the token speaks for {:?}; {id:?} is published by {publisher:?}",
                who.organisation_id
            )));
        }
        None => {
            return Err(ApiError::Forbidden(format!(
                "{id:?} has no publishing organisation: nobody may declare for it"
            )));
        }
    }
    if !is_item_id(item) {
        return Err(ApiError::Unprocessable(format!(
            "{item:?} is not a principle or indicator id; known: {}",
            item_ids().collect::<Vec<_>>().join(", ")
        )));
    }
    Ok(())
}

/// Reads and checks the body of a declaration.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<NewDeclaration, ApiError> {
    super::require_json(headers)?;
    let bytes = axum::body::to_bytes(body, MAX_DECLARATION_BODY)
        .await
        .map_err(|_| ApiError::PayloadTooLarge(MAX_DECLARATION_BODY))?;
    let body: DeclarationBody = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::Unprocessable(format!("the body is not a declaration: {e}")))?;
    check(body).map_err(ApiError::Unprocessable)
}

/// Trims the texts (an empty optional text is no text) and checks them.
pub(crate) fn check(body: DeclarationBody) -> Result<NewDeclaration, String> {
    fn optional(text: Option<String>) -> Option<String> {
        text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
    }
    fn line(name: &str, text: &str, max: usize) -> Result<(), String> {
        if text.chars().count() > max {
            return Err(format!("{name} is longer than {max} characters"));
        }
        if text.chars().any(char::is_control) {
            return Err(format!(
                "{name} must be one line without control characters"
            ));
        }
        Ok(())
    }
    let by = body.by.trim().to_string();
    if by.is_empty() {
        return Err("by must name who declares".into());
    }
    line("by", &by, MAX_NAME_CHARS)?;
    let role = optional(body.role);
    if let Some(role) = &role {
        line("role", role, MAX_NAME_CHARS)?;
    }
    let statement = optional(body.statement);
    if let Some(statement) = &statement {
        if statement.chars().count() > MAX_STATEMENT_CHARS {
            return Err(format!(
                "statement is longer than {MAX_STATEMENT_CHARS} characters"
            ));
        }
        if statement
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err("statement must not hold control characters".into());
        }
    }
    let url = optional(body.url);
    if let Some(url) = &url {
        check_url(url)?;
    }
    if statement.is_none() && url.is_none() && !body.not_applicable {
        return Err(
            "give a statement, a url to the supporting document, or notApplicable: true".into(),
        );
    }
    Ok(NewDeclaration {
        by,
        role,
        statement,
        url,
        not_applicable: body.not_applicable,
    })
}

fn check_url(text: &str) -> Result<(), String> {
    if text.chars().count() > MAX_URL_CHARS {
        return Err(format!("url is longer than {MAX_URL_CHARS} characters"));
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("url must not hold spaces or control characters".into());
    }
    let parsed = url::Url::parse(text).map_err(|e| format!("url is not a URL: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("url must be http or https".into());
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err("url must name a host".into());
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("url must not carry credentials".into());
    }
    Ok(())
}

fn catalog_refusal(e: CatalogError) -> ApiError {
    match e {
        CatalogError::NotFound(detail) => ApiError::NotFound(detail),
        CatalogError::Refused(commons_catalog::Refusal::TokenNotLive) => {
            ApiError::Unauthenticated {
                detail: "the token is unknown or revoked".into(),
                token_given: true,
            }
        }
        CatalogError::Refused(refusal) => ApiError::Forbidden(refusal.to_string()),
        other => other.into(),
    }
}

/// The publisher's current declarations about an entry, by item id.
#[utoipa::path(
    get, path = "/api/v1/software/{id}/declarations", tag = "declarations",
    params(("id" = String, Path, description = "The entry's id")),
    responses(
        (status = 200, description = "The current declarations by item id (withdrawn ones and those of a former publisher excluded)", body = BTreeMap<String, DeclarationView>),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 404, description = "No listed entry with this id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<BTreeMap<String, DeclarationView>>, ApiError> {
    super::software::listed(&state, &id).await?;
    let current = state.catalog.current_declarations(&id).await?;
    Ok(Json(
        current
            .iter()
            .map(|d| (d.item.clone(), DeclarationView::of(d)))
            .collect(),
    ))
}

/// Declare (or declare again) something about one principle or indicator of an entry. The
/// declaration replaces the item's current one; the former stays in the entry's history.
#[utoipa::path(
    put, path = "/api/v1/software/{id}/declarations/{item}", tag = "declarations",
    params(
        ("id" = String, Path, description = "The entry's id"),
        ("item" = ItemId, Path, description = "The principle or indicator"),
    ),
    request_body(content = DeclarationBody, content_type = "application/json"),
    security(("publisherToken" = [])),
    responses(
        (status = 200, description = "The declaration as stored; it takes effect in the assessment at once", body = DeclarationView),
        (status = 401, description = "No token, or a token that is unknown or revoked (with `WWW-Authenticate: Bearer`)", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Bearer realm=\"commons\"`, with `error=\"invalid_token\"` when a token was given"))),
        (status = 403, description = "The token's organisation does not publish this entry", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No listed entry with this id", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 64 KiB", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown item id, or an invalid body", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn put(
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<DeclarationView>, ApiError> {
    let who = authenticate(&state, &headers).await?;
    writable(&state, &who, &id, &item).await?;
    let declaration = read_body(&headers, body).await?;
    let stored = state
        .catalog
        .declare(&id, &item, &declaration, who.token_id, now())
        .await
        .map_err(catalog_refusal)?;
    tracing::info!(
        software = %id,
        item = %item,
        organisation = %who.organisation_id,
        token_id = who.token_id,
        "declaration recorded"
    );
    Ok(Json(DeclarationView::of(&stored)))
}

/// Withdraw the current declaration about one principle or indicator of an entry; it stays
/// in the entry's history.
#[utoipa::path(
    delete, path = "/api/v1/software/{id}/declarations/{item}", tag = "declarations",
    params(
        ("id" = String, Path, description = "The entry's id"),
        ("item" = ItemId, Path, description = "The principle or indicator"),
    ),
    security(("publisherToken" = [])),
    responses(
        (status = 204, description = "Withdrawn; the item's status is decided again without it"),
        (status = 401, description = "No token, or a token that is unknown or revoked (with `WWW-Authenticate: Bearer`)", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("WWW-Authenticate" = String, description = "`Bearer realm=\"commons\"`, with `error=\"invalid_token\"` when a token was given"))),
        (status = 403, description = "The token's organisation does not publish this entry", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No listed entry with this id, or no current declaration about this item", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown item id", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let who = authenticate(&state, &headers).await?;
    writable(&state, &who, &id, &item).await?;
    let withdrawn = state
        .catalog
        .withdraw(&id, &item, who.token_id, now())
        .await
        .map_err(catalog_refusal)?;
    if withdrawn.is_none() {
        return Err(ApiError::NotFound(format!(
            "{id:?} has no current declaration about {item}"
        )));
    }
    tracing::info!(
        software = %id,
        item = %item,
        organisation = %who.organisation_id,
        token_id = who.token_id,
        "declaration withdrawn"
    );
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(json: serde_json::Value) -> Result<NewDeclaration, String> {
        let body: DeclarationBody = serde_json::from_value(json).map_err(|e| e.to_string())?;
        check(body)
    }

    #[test]
    fn valid_bodies_are_trimmed_and_empty_texts_dropped() {
        let d = body(serde_json::json!({
            "by": "  Jane Doe ", "role": "", "statement": " SDG 3: good health \n", "url": null
        }))
        .unwrap();
        assert_eq!(d.by, "Jane Doe");
        assert_eq!(d.role, None);
        assert_eq!(d.statement.as_deref(), Some("SDG 3: good health"));
        assert_eq!(d.url, None);
        assert!(!d.not_applicable);
        let d = body(serde_json::json!({"by": "J", "notApplicable": true})).unwrap();
        assert!(d.not_applicable);
        let d = body(serde_json::json!({"by": "J", "url": "HTTPS://Example.org/p?q=1#x"})).unwrap();
        assert_eq!(d.url.as_deref(), Some("HTTPS://Example.org/p?q=1#x"));
        let d = body(serde_json::json!({
            "by": "é".repeat(200), "role": "r".repeat(200), "statement": "s\n\tt".repeat(800),
            "url": format!("https://example.org/{}", "a".repeat(1980)),
        }))
        .unwrap();
        assert_eq!(d.by.chars().count(), 200);
    }

    #[test]
    fn invalid_bodies_say_what_is_wrong() {
        for (json, expected) in [
            (serde_json::json!({"statement": "x"}), "missing field `by`"),
            (
                serde_json::json!({"by": "  ", "statement": "x"}),
                "by must name",
            ),
            (
                serde_json::json!({"by": "x".repeat(201), "statement": "x"}),
                "by is longer",
            ),
            (
                serde_json::json!({"by": "a\nb", "statement": "x"}),
                "by must be one line",
            ),
            (
                serde_json::json!({"by": "a", "role": "r".repeat(201), "statement": "x"}),
                "role is longer",
            ),
            (
                serde_json::json!({"by": "a", "statement": "s".repeat(4001)}),
                "statement is longer",
            ),
            (
                serde_json::json!({"by": "a", "statement": "nul \u{0} byte"}),
                "control characters",
            ),
            (serde_json::json!({"by": "a"}), "give a statement"),
            (
                serde_json::json!({"by": "a", "statement": "   ", "notApplicable": false}),
                "give a statement",
            ),
            (
                serde_json::json!({"by": "a", "url": "ftp://example.org/x"}),
                "http or https",
            ),
            (
                serde_json::json!({"by": "a", "url": "javascript:alert(1)"}),
                "http or https",
            ),
            (
                serde_json::json!({"by": "a", "url": "https://user:pw@example.org/"}),
                "credentials",
            ),
            (
                serde_json::json!({"by": "a", "url": "https://example.org/a b"}),
                "spaces",
            ),
            (
                serde_json::json!({"by": "a", "url": "example.org/privacy"}),
                "not a URL",
            ),
            (
                serde_json::json!({"by": "a", "url": format!("https://example.org/{}", "a".repeat(2000))}),
                "url is longer",
            ),
            (
                serde_json::json!({"by": "a", "statement": "x", "at": "2020-01-01"}),
                "unknown field `at`",
            ),
            (
                serde_json::json!({"by": 3, "statement": "x"}),
                "invalid type",
            ),
            (
                serde_json::json!({"by": "a", "notApplicable": "yes"}),
                "invalid type",
            ),
        ] {
            let err = body(json.clone()).unwrap_err();
            assert!(err.contains(expected), "{json}: {err}");
        }
    }
}
