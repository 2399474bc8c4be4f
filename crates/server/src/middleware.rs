//! What every answer goes through: security headers, size limits on the request line, ETags
//! with `If-None-Match`, and metrics.

use crate::error::problem_response;
use crate::metrics::{RequestLabels, RouteLabels};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::BodyExt;
use std::time::Instant;

/// Longest URI accepted (path and query), in bytes.
pub const MAX_URI_BYTES: usize = 16 * 1024;
/// Largest answer an ETag is computed for; larger ones are sent without.
const MAX_ETAG_BODY: usize = 8 * 1024 * 1024;

/// The Content-Security-Policy of every answer: nothing inline, nothing from elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Adds the security headers; behind HTTPS, also HSTS (when the operator asks for it) and
/// `Secure` on every cookie the server sets.
pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if state.http.https {
        secure_cookies(headers);
        if let Some(max_age) = state.http.hsts_max_age {
            let value = format!("max-age={}; includeSubDomains", max_age.as_secs());
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(header::STRICT_TRANSPORT_SECURITY, value);
            }
        }
    }
    let set = |headers: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    };
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert_with(|| state.access.content_security_policy.clone());
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(
        headers,
        header::REFERRER_POLICY,
        "strict-origin-when-cross-origin",
    );
    set(
        headers,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    response
}

/// Adds `Secure` to every `Set-Cookie` that lacks it, so that no cookie of a server reached
/// over HTTPS is ever sent back over plain HTTP.
fn secure_cookies(headers: &mut HeaderMap) {
    let cookies: Vec<HeaderValue> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .cloned()
        .collect();
    if cookies.is_empty() {
        return;
    }
    headers.remove(header::SET_COOKIE);
    for cookie in cookies {
        let secured = cookie.to_str().ok().and_then(|text| {
            let has_secure = text
                .split(';')
                .any(|attribute| attribute.trim().eq_ignore_ascii_case("secure"));
            if has_secure {
                None
            } else {
                HeaderValue::from_str(&format!("{text}; Secure")).ok()
            }
        });
        headers.append(header::SET_COOKIE, secured.unwrap_or(cookie));
    }
}

/// Refuses request lines longer than [`MAX_URI_BYTES`].
pub async fn limit_uri(request: Request, next: Next) -> Response {
    let length = request
        .uri()
        .path_and_query()
        .map_or(0, |pq| pq.as_str().len());
    if length > MAX_URI_BYTES {
        return problem_response(
            StatusCode::URI_TOO_LONG,
            "uri-too-long",
            format!("the request URI is {length} bytes long; at most {MAX_URI_BYTES} are accepted"),
        );
    }
    next.run(request).await
}

/// Adds a strong ETag to successful GET answers and answers `304 Not Modified` when the
/// client's `If-None-Match` names it.
pub async fn etag(request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    // A handler that keeps its answers keeps their tags too (the search API's answer cache):
    // hashing the same body on every request was a quarter of a cached answer's cost.
    if let Some(tag) = response.headers().get(header::ETAG) {
        let matches = if_none_match
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .zip(tag.to_str().ok())
            .is_some_and(|(wanted, tag)| etag_matches(wanted, tag));
        if matches {
            let (parts, _) = response.into_parts();
            return not_modified(&parts.headers);
        }
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match buffer_up_to(body, MAX_ETAG_BODY).await {
        Ok(Buffered::Whole(bytes)) => bytes,
        // Too large to hash cheaply: sent as it is, without an ETag.
        Ok(Buffered::TooLarge(body)) => return Response::from_parts(parts, body),
        Err(error) => {
            tracing::error!(%error, "the answer's body failed");
            return problem_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the answer could not be produced".into(),
            );
        }
    };
    let tag = etag_of(&bytes);
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .zip(tag.to_str().ok())
        .is_some_and(|(wanted, tag)| etag_matches(wanted, tag));
    parts.headers.insert(header::ETAG, tag);
    if matches {
        return not_modified(&parts.headers);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The strong ETag of a body: two 64-bit hashes of it with fixed seeds (the same on every
/// server and restart), in hex, quoted. A tag only tells a client's copy from a changed
/// answer, so it needs no cryptographic hash: SHA-256 of each new search answer (about 30 KB)
/// was a fiftieth of the server's time under distinct searches (`perf`).
pub fn etag_of(bytes: &[u8]) -> HeaderValue {
    use std::hash::BuildHasher;
    let hash = |seed: u64| foldhash::quality::FixedState::with_seed(seed).hash_one(bytes);
    let tag = format!(
        "\"{:016x}{:016x}\"",
        hash(0x636f_6d6d_6f6e_7301),
        hash(0x6574_6167_7332)
    );
    HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("\"\""))
}

/// `304 Not Modified`, with the headers a cache needs from the full answer.
fn not_modified(headers: &axum::http::HeaderMap) -> Response {
    let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
    for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
        if let Some(value) = headers.get(&name) {
            not_modified.headers_mut().insert(name, value.clone());
        }
    }
    not_modified
}

enum Buffered {
    Whole(Bytes),
    /// The body, whole again: what was read followed by the rest.
    TooLarge(Body),
}

/// Reads `body` into memory while it stays within `limit` bytes; past that, gives back a body
/// that streams what was read and then the rest, so nothing is lost.
async fn buffer_up_to(mut body: Body, limit: usize) -> Result<Buffered, axum::Error> {
    if http_body::Body::size_hint(&body).lower() > limit as u64 {
        return Ok(Buffered::TooLarge(body));
    }
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame?.into_data() else {
            continue;
        };
        total += data.len();
        chunks.push(data);
        if total > limit {
            let read = futures_util::stream::iter(chunks.into_iter().map(Ok::<_, axum::Error>));
            let whole = read.chain(body.into_data_stream());
            return Ok(Buffered::TooLarge(Body::from_stream(whole)));
        }
    }
    let mut whole = bytes::BytesMut::with_capacity(total);
    for chunk in chunks {
        whole.extend_from_slice(&chunk);
    }
    Ok(Buffered::Whole(whole.freeze()))
}

/// Whether an `If-None-Match` value names `tag` (weak comparison, as RFC 9110 says for it).
fn etag_matches(header_value: &str, tag: &str) -> bool {
    header_value.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == tag
    })
}

/// The metrics label of a method: any method token is valid HTTP, so an unknown one would
/// give every client a new time series to create; they all count as `other`.
fn method_label(method: &Method) -> String {
    const KNOWN: [Method; 7] = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::PATCH,
    ];
    if KNOWN.contains(method) {
        method.as_str().to_string()
    } else {
        "other".to_string()
    }
}

/// Longest `X-Request-Id` kept from a request.
const MAX_REQUEST_ID: usize = 64;

fn incoming_request_id(headers: &HeaderMap) -> Option<String> {
    let value = headers.get("x-request-id")?.to_str().ok()?;
    let usable = !value.is_empty()
        && value.len() <= MAX_REQUEST_ID
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    usable.then(|| value.to_string())
}

fn new_request_id() -> String {
    // The thread's generator (seeded from the system, reseeded as it goes): asking the
    // kernel for every request cost a system call, and at times a context switch, per answer.
    hex::encode(rand::random::<[u8; 12]>())
}

/// Gives each request an id, the client's or proxy's `X-Request-Id` when it is a short token,
/// otherwise a new random one: handlers' logs carry it (the request's span), and so does the
/// answer, so that an operator can find a user's failed request in the logs. Logs one line per answer at `info` on
/// the target `commons::access`: method, path, status, duration, id. The query string is not
/// logged (it can hold what a reader searched for); `RUST_LOG=commons::access=off` silences it.
pub async fn request_id_and_access_log(request: Request, next: Next) -> Response {
    use tracing::Instrument;
    let id = incoming_request_id(request.headers()).unwrap_or_else(new_request_id);
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let span = tracing::info_span!("request", id = %id);
    let started = Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    let status = response.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| {
        tracing::info!(
            target: "commons::access",
            %method,
            path = %path.escape_debug(),
            status,
            ms = (elapsed_ms * 100.0).round() / 100.0,
            "answered"
        )
    });
    response
}

/// Counts answers and their latency by route.
pub async fn record_metrics(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str())
        .to_string();
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    state
        .metrics
        .latency
        .get_or_create(&RouteLabels {
            route: route.clone(),
        })
        .observe(started.elapsed().as_secs_f64());
    state
        .metrics
        .requests
        .get_or_create(&RequestLabels {
            route,
            method,
            status: response.status().as_u16(),
        })
        .inc();
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    /// An answer over the ETag limit used to become a 500 (its body was dropped when the
    /// limit was hit); it is now sent whole, without an ETag, known length or not.
    #[tokio::test]
    async fn answers_over_the_etag_limit_are_sent_whole() {
        let size = MAX_ETAG_BODY + 1024 * 1024;
        let app = axum::Router::new()
            .route(
                "/known",
                axum::routing::get(move || async move { vec![b'k'; size] }),
            )
            .route(
                "/streamed",
                axum::routing::get(move || async move {
                    let chunks = (0..size / 65536 + 1)
                        .map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![b's'; 65536])));
                    Body::from_stream(futures_util::stream::iter(chunks))
                }),
            )
            .layer(axum::middleware::from_fn(etag));
        for (path, expected) in [("/known", size), ("/streamed", (size / 65536 + 1) * 65536)] {
            let request = Request::get(path).body(Body::empty()).unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert!(!response.headers().contains_key(header::ETAG), "{path}");
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            assert_eq!(body.len(), expected, "{path}");
        }
        let small = axum::Router::new()
            .route("/", axum::routing::get(|| async { "small" }))
            .layer(axum::middleware::from_fn(etag));
        let response = small
            .oneshot(Request::get("/").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert!(response.headers().contains_key(header::ETAG));
    }

    #[test]
    fn unknown_methods_are_one_label() {
        assert_eq!(method_label(&Method::GET), "GET");
        let odd = Method::from_bytes(b"X-ANYTHING-123").unwrap();
        assert_eq!(method_label(&odd), "other");
    }

    #[test]
    fn cookies_behind_https_are_secure() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::SET_COOKIE,
            HeaderValue::from_static("a=1; HttpOnly"),
        );
        headers.append(header::SET_COOKIE, HeaderValue::from_static("b=2; secure"));
        secure_cookies(&mut headers);
        let cookies: Vec<&str> = headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        assert_eq!(cookies, ["a=1; HttpOnly; Secure", "b=2; secure"]);
    }

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        assert!(etag_matches("\"abc\"", "\"abc\""));
        assert!(etag_matches("\"x\", W/\"abc\"", "\"abc\""));
        assert!(etag_matches("*", "\"abc\""));
        assert!(!etag_matches("\"abd\"", "\"abc\""));
    }
}
