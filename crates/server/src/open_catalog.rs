//! The Software Catalog API (publiccodeyml/open-catalog-api, the API Developers Italia and the
//! Swiss catalog run and the EU's open-source catalogue harvests), read side, under
//! `/open-catalog/v1`: `/status`, `/software`, `/software/{id}`, `/software/{id}/analysis`,
//! `/publishers`, `/publishers/{id}`.
//!
//! Answers follow the API's schemas to the letter (no property the schema does not name;
//! errors as its `Error` problem document: `title`, `detail`, `status`), and its reference
//! implementation where the schema leaves room: pages run by creation time then id, a bad
//! page size or cursor is `422`, and `links.next`/`links.prev` are `?page[after]=<cursor>` /
//! `?page[before]=<cursor>`. Cursors are opaque (base64url of `[created_at, id]`); one given
//! in standard base64, even with its `+` turned into a space by a query decoder, is read too.

use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use commons_catalog::{OpenCatalogEntry, OpenCatalogPublisher, OpenCatalogQuery};
use serde::Serialize;
use serde_json::{Value, json};

/// Largest page the API allows.
const MAX_PAGE: u32 = 100;
/// Its default page.
const DEFAULT_PAGE: u32 = 25;

/// The routes, to nest under `/open-catalog/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/status", get(status))
        .route("/software", get(list_software))
        .route("/software/{id}", get(one_software))
        .route("/software/{id}/analysis", get(analysis))
        .route("/publishers", get(list_publishers))
        .route("/publishers/{id}", get(one_publisher))
        .fallback(|| async {
            OpenCatalogError::new(StatusCode::NOT_FOUND, "not found", "no such endpoint")
        })
}

/// The API's `Error` document.
#[derive(Debug, Serialize)]
struct OpenCatalogError {
    title: String,
    detail: String,
    status: u16,
}

impl OpenCatalogError {
    fn new(status: StatusCode, title: &str, detail: impl Into<String>) -> Self {
        OpenCatalogError {
            title: title.to_string(),
            detail: detail.into(),
            status: status.as_u16(),
        }
    }

    fn unprocessable(title: &str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, title, detail)
    }

    fn not_found(title: &str, what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            title,
            format!("{what} was not found"),
        )
    }
}

impl From<commons_catalog::CatalogError> for OpenCatalogError {
    fn from(e: commons_catalog::CatalogError) -> Self {
        tracing::error!(detail = %e, "open catalog API: store failed");
        // The API's Error schema allows 4xx statuses only in its document; the status line
        // says 500, the body stays within the schema's fields.
        OpenCatalogError {
            title: "internal error".into(),
            detail: "the server failed to answer; the failure was logged".into(),
            status: 500,
        }
    }
}

impl IntoResponse for OpenCatalogError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, axum::Json(&self)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

type Answer<T> = Result<T, OpenCatalogError>;

async fn status() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// The list parameters every list takes.
#[derive(Debug, Default)]
struct ListParams {
    size: u32,
    after: Option<(i64, String)>,
    before: Option<(i64, String)>,
    all: bool,
    from: Option<i64>,
    to: Option<i64>,
    url: Option<String>,
}

/// Reads a list's query. `strict`: empty cursors and URLs are refused (the software list's
/// parameters have a minimum length; the publishers list's cursors do not).
fn parse_list(raw: Option<&str>, title: &str, strict: bool) -> Answer<ListParams> {
    let mut params = ListParams {
        size: DEFAULT_PAGE,
        ..ListParams::default()
    };
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let bad = |why: String| OpenCatalogError::unprocessable(title, why);
        let text_param = matches!(key.as_ref(), "page[after]" | "page[before]" | "url");
        if text_param && value.chars().count() > 255 {
            return Err(bad(format!("{key} must be at most 255 characters")));
        }
        if text_param && value.is_empty() {
            if strict {
                return Err(bad(format!("{key} must not be empty")));
            }
            continue;
        }
        match key.as_ref() {
            "page[size]" => {
                params.size = value
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_PAGE).contains(n))
                    .ok_or_else(|| bad(format!("page[size] must be between 1 and {MAX_PAGE}")))?;
            }
            "page[after]" => params.after = Some(parse_cursor(&value, title)?),
            "page[before]" => params.before = Some(parse_cursor(&value, title)?),
            "all" => {
                params.all = match value.as_ref() {
                    "true" => true,
                    "false" => false,
                    _ => return Err(bad("all must be true or false".into())),
                }
            }
            "from" => params.from = Some(parse_time(&value, "from", title)?),
            "to" => params.to = Some(parse_time(&value, "to", title)?),
            "url" => params.url = Some(value.into_owned()),
            _ => {}
        }
    }
    Ok(params)
}

fn parse_time(value: &str, name: &str, title: &str) -> Answer<i64> {
    value
        .parse::<jiff::Timestamp>()
        .map(|t| t.as_second())
        .map_err(|_| {
            OpenCatalogError::unprocessable(
                title,
                format!("{name} must be an RFC 3339 date and time"),
            )
        })
}

/// A cursor: base64 of the JSON `[creation time (RFC 3339), id]`, the reference
/// implementation's form (so its cursors, as in the API document's examples, read here too).
fn encode_cursor(created_at: i64, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(json!([rfc3339(created_at), id]).to_string())
}

fn parse_cursor(value: &str, title: &str) -> Answer<(i64, String)> {
    let bad = || {
        OpenCatalogError::unprocessable(title, "wrong cursor format in page[after] or page[before]")
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .or_else(|_| STANDARD.decode(value.replace(' ', "+")))
        .map_err(|_| bad())?;
    let (time, id) = serde_json::from_slice::<(Value, String)>(&bytes).map_err(|_| bad())?;
    let seconds = match time {
        Value::String(text) => text
            .parse::<jiff::Timestamp>()
            .map_err(|_| bad())?
            .as_second(),
        Value::Number(n) => n.as_i64().ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    Ok((seconds, id))
}

fn rfc3339(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

fn links(prev: Option<String>, next: Option<String>) -> Value {
    json!({
        "prev": prev.map(|c| format!("?page[before]={c}")),
        "next": next.map(|c| format!("?page[after]={c}")),
    })
}

fn software_json(entry: &OpenCatalogEntry) -> Value {
    let mut software = json!({
        "id": entry.uuid,
        "url": entry.url,
        "publiccodeYml": entry.publiccode_yml,
        "active": entry.active,
        "createdAt": rfc3339(entry.created_at),
        "updatedAt": rfc3339(entry.updated_at),
    });
    if !entry.aliases.is_empty() {
        software["aliases"] = json!(entry.aliases);
    }
    software
}

async fn list_software(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Answer<Response> {
    const TITLE: &str = "can't get Software";
    let params = parse_list(raw.as_deref(), TITLE, true)?;
    let url = params.url.as_deref().map(|u| {
        commons_publiccode::RepositoryUrl::parse(u).map_or_else(|_| u.to_string(), |u| u.as_url())
    });
    let page = state
        .catalog
        .open_catalog_page(&OpenCatalogQuery {
            after: params.after.clone(),
            before: params.before.clone(),
            size: params.size,
            all: params.all,
            from: params.from,
            to: params.to,
            url,
        })
        .await?;
    let first = page.entries.first();
    let last = page.entries.last();
    let prev = first
        .filter(|_| page.more_before)
        .map(|e| encode_cursor(e.created_at, &e.software_id));
    let next = last
        .filter(|_| page.more_after)
        .map(|e| encode_cursor(e.created_at, &e.software_id));
    let data: Vec<Value> = page.entries.iter().map(software_json).collect();
    Ok(axum::Json(json!({ "data": data, "links": links(prev, next) })).into_response())
}

async fn one_software(State(state): State<AppState>, Path(id): Path<String>) -> Answer<Response> {
    let entry = state
        .catalog
        .open_catalog_entry(&id.to_ascii_lowercase())
        .await?
        .ok_or_else(|| OpenCatalogError::not_found("can't get Software", "Software"))?;
    Ok(axum::Json(software_json(&entry)).into_response())
}

/// The entry's assessment in the API's per-scanner `analysis` shape: one namespace,
/// `commons`, with the search signals and a link to the full report.
async fn analysis(State(state): State<AppState>, Path(id): Path<String>) -> Answer<Response> {
    const TITLE: &str = "can't get Software analysis";
    let entry = state
        .catalog
        .open_catalog_entry(&id.to_ascii_lowercase())
        .await?
        .ok_or_else(|| OpenCatalogError::not_found(TITLE, "Software"))?;
    let Some(stored) = state.catalog.latest_assessment(&entry.software_id).await? else {
        return Ok(axum::Json(json!({})).into_response());
    };
    let facets = state
        .catalog
        .software(&entry.software_id)
        .await?
        .and_then(|s| s.assessment_facets)
        .unwrap_or(Value::Null);
    Ok(axum::Json(json!({
        "commons": {
            "v": 1,
            "t": rfc3339(stored.assessed_at),
            "method": stored.method_version,
            "commit": stored.commit,
            "signals": facets,
            "report": format!("/api/v1/software/{}/assessment", entry.software_id),
        }
    }))
    .into_response())
}

/// Where an organisation hosts, when the registry does not say: the groups its repositories
/// lie in (a repository at the top of its host is its own location).
fn hosting_groups(urls: &[String]) -> Vec<(String, bool)> {
    let mut groups: Vec<(String, bool)> = urls
        .iter()
        .map(|url| match url.rsplit_once('/') {
            Some((parent, _)) if parent.matches('/').count() > 2 => (format!("{parent}/"), true),
            _ => (url.clone(), false),
        })
        .collect();
    groups.sort();
    groups.dedup();
    groups.truncate(255);
    groups
}

async fn publisher_json(
    state: &AppState,
    publishers: &[OpenCatalogPublisher],
) -> Answer<Vec<Value>> {
    let ids: Vec<String> = publishers.iter().map(|p| p.id.clone()).collect();
    let urls = state.catalog.repository_urls_of(&ids).await?;
    let registry = state.crawl.as_ref().map(|c| c.crawler.registry());
    let mut out = Vec::new();
    for publisher in publishers {
        let declared: Vec<(String, bool)> = registry
            .as_ref()
            .and_then(|r| r.publishers.iter().find(|p| p.id == publisher.id))
            .map(|p| {
                p.hosting
                    .iter()
                    .map(|h| {
                        let group = h.kind != commons_crawler::HostingKind::Git;
                        (h.url.clone(), group)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let hosting = if declared.is_empty() {
            hosting_groups(urls.get(&publisher.id).map_or(&[][..], |u| &u[..]))
        } else {
            declared
        };
        // The API requires at least one hosting location: an organisation without any
        // repository (all its entries moved) is not a publisher there.
        if hosting.is_empty() {
            continue;
        }
        let created = rfc3339(publisher.created_at);
        let updated = rfc3339(publisher.updated_at.max(publisher.created_at));
        let code_hosting: Vec<Value> = hosting
            .into_iter()
            .map(|(url, group)| {
                json!({ "url": url, "group": group, "createdAt": created, "updatedAt": updated })
            })
            .collect();
        let description: String = publisher.name.chars().take(255).collect();
        out.push(json!({
            "id": publisher.uuid,
            "alternativeId": publisher.id,
            "description": description,
            "codeHosting": code_hosting,
            "active": publisher.listed > 0,
            "createdAt": created,
            "updatedAt": updated,
        }));
    }
    Ok(out)
}

async fn list_publishers(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Answer<Response> {
    const TITLE: &str = "can't get Publishers";
    let params = parse_list(raw.as_deref(), TITLE, false)?;
    let all = state.catalog.open_catalog_publishers().await?;
    let key = |p: &OpenCatalogPublisher| (p.created_at, p.id.clone());
    let candidates: Vec<&OpenCatalogPublisher> = all
        .iter()
        .filter(|p| params.all || p.listed > 0)
        .filter(|p| params.from.is_none_or(|f| p.created_at >= f))
        .filter(|p| params.to.is_none_or(|t| p.created_at <= t))
        .collect();
    let size = params.size as usize;
    let (slice, more_before, more_after) = if let Some(after) = &params.after {
        let rest: Vec<_> = candidates.into_iter().filter(|p| key(p) > *after).collect();
        let more = rest.len() > size;
        (rest.into_iter().take(size).collect::<Vec<_>>(), true, more)
    } else if let Some(before) = &params.before {
        let rest: Vec<_> = candidates
            .into_iter()
            .filter(|p| key(p) < *before)
            .collect();
        let skip = rest.len().saturating_sub(size);
        (rest[skip..].to_vec(), skip > 0, true)
    } else {
        let more = candidates.len() > size;
        (candidates.into_iter().take(size).collect(), false, more)
    };
    let owned: Vec<OpenCatalogPublisher> = slice.iter().map(|p| (*p).clone()).collect();
    let data = publisher_json(&state, &owned).await?;
    let prev = owned
        .first()
        .filter(|_| more_before)
        .map(|p| encode_cursor(p.created_at, &p.id));
    let next = owned
        .last()
        .filter(|_| more_after)
        .map(|p| encode_cursor(p.created_at, &p.id));
    Ok(axum::Json(json!({ "data": data, "links": links(prev, next) })).into_response())
}

async fn one_publisher(State(state): State<AppState>, Path(id): Path<String>) -> Answer<Response> {
    const TITLE: &str = "can't get Publisher";
    let wanted = id.to_ascii_lowercase();
    let all = state.catalog.open_catalog_publishers().await?;
    let found: Vec<OpenCatalogPublisher> = all
        .into_iter()
        .filter(|p| p.uuid == wanted || p.id == id)
        .take(1)
        .collect();
    let data = publisher_json(&state, &found).await?;
    let publisher = data
        .into_iter()
        .next()
        .ok_or_else(|| OpenCatalogError::not_found(TITLE, "Publisher"))?;
    Ok(axum::Json(publisher).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_in_both_alphabets() {
        let cursor = encode_cursor(1_700_000_000, "gitlab-example-org-a-b");
        assert_eq!(
            parse_cursor(&cursor, "t").unwrap(),
            (1_700_000_000, "gitlab-example-org-a-b".to_string())
        );
        // The API document's example: standard base64 of the reference implementation's form.
        assert_eq!(
            parse_cursor("WyIyMDIyLTA2LTA3VDE0OjU2OjIzWiIsImJmZjEyMzQ1Il0=", "t").unwrap(),
            (1_654_613_783, "bff12345".to_string())
        );
        // Standard base64 whose '+' a query decoder turned into a space.
        let standard = STANDARD.encode(br#"[5,"a>?b"]"#);
        assert!(standard.contains('+'));
        let mangled = standard.replace('+', " ");
        assert_eq!(
            parse_cursor(&mangled, "t").unwrap(),
            (5, "a>?b".to_string())
        );
        assert!(parse_cursor("not a cursor", "t").is_err());
        assert!(parse_cursor(&URL_SAFE_NO_PAD.encode("[1]"), "t").is_err());
        assert!(parse_cursor(&URL_SAFE_NO_PAD.encode(r#"["yesterday","x"]"#), "t").is_err());
    }

    #[test]
    fn list_parameters_are_checked() {
        let p = parse_list(
            Some("page%5Bsize%5D=100&all=true&from=2024-01-01T00:00:00Z"),
            "t",
            true,
        )
        .unwrap();
        assert_eq!((p.size, p.all, p.from), (100, true, Some(1_704_067_200)));
        let long = format!("url={}", "a".repeat(256));
        for bad in [
            "page[size]=0",
            "page[size]=101",
            "page[size]=x",
            "all=maybe",
            "all=1",
            "to=yesterday",
            "url=",
            "page[after]=",
            long.as_str(),
        ] {
            let e = parse_list(Some(bad), "t", true).unwrap_err();
            assert_eq!(e.status, 422, "{bad}");
        }
        assert!(parse_list(Some("page[after]="), "t", false).is_ok());
    }

    #[test]
    fn hosting_groups_are_the_repositories_parents() {
        let urls = vec![
            "https://github.com/unicef/primero".to_string(),
            "https://github.com/unicef/inventory".to_string(),
            "https://git.example.org/solo".to_string(),
        ];
        assert_eq!(
            hosting_groups(&urls),
            vec![
                ("https://git.example.org/solo".to_string(), false),
                ("https://github.com/unicef/".to_string(), true)
            ]
        );
    }
}
