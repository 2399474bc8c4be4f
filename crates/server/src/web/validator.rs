//! "Validate your publiccode.yml": paste or upload a file, see its errors and warnings against
//! its numbered lines.
//!
//! The form is protected against cross-site request forgery with a double-submit token: the
//! page sets a random token in a `SameSite=Strict` cookie and in a hidden field, and a POST is
//! accepted only when both are present and equal. Another site can make a browser send the
//! cookie only with a same-site request, and it cannot read the cookie to fill in the field.

use super::{Ctx, error_page, render};
use crate::api::validate::MAX_BODY;
use askama::Template;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use commons_publiccode::{Diagnostic, Options, validate};

/// The cookie that carries the token.
pub const CSRF_COOKIE: &str = "commons_csrf";
/// The form field that carries the token.
pub const CSRF_FIELD: &str = "csrf";
/// Hex digits of a token (128 bits).
const TOKEN_LENGTH: usize = 32;
/// Largest form accepted: a pasted file and an uploaded one, each up to the validator's limit.
pub const MAX_FORM: usize = 2 * MAX_BODY + 64 * 1024;

/// A fresh random token.
pub fn new_token() -> String {
    let mut bytes = [0u8; TOKEN_LENGTH / 2];
    // Without the system's randomness there is no safe token: fail closed with one that no
    // request can match (it is not hex).
    if getrandom::fill(&mut bytes).is_err() {
        return "unavailable".into();
    }
    hex::encode(bytes)
}

fn is_token(value: &str) -> bool {
    value.len() == TOKEN_LENGTH && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The token of the request's cookie, when it has a well-formed one.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == CSRF_COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|v| is_token(v))
}

/// Whether a submitted token matches the cookie's, compared in constant time.
pub fn tokens_match(cookie: Option<&str>, field: Option<&str>) -> bool {
    match (cookie, field) {
        (Some(cookie), Some(field)) if is_token(cookie) && cookie.len() == field.len() => {
            cookie
                .bytes()
                .zip(field.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
        }
        _ => false,
    }
}

fn set_cookie(response: &mut Response, token: &str) {
    let cookie = format!("{CSRF_COOKIE}={token}; Path=/validate; HttpOnly; SameSite=Strict");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    // The page holds a per-browser token: it must not be shared by caches.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// One line of the submitted file, with the problems found on it.
pub struct SourceLine {
    number: usize,
    text: String,
    problems: Vec<Diagnostic>,
}

/// The validator page: the form, and after a submission its verdict.
#[derive(Template)]
#[template(path = "validate.html")]
pub struct ValidatePage {
    ctx: Ctx,
    token: String,
    source: String,
    verdict: Option<Verdict>,
}

/// The outcome of a submission.
pub struct Verdict {
    valid: bool,
    version: Option<String>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    lines: Vec<SourceLine>,
}

/// `GET /validate`.
pub async fn form(ctx: Ctx, headers: HeaderMap) -> Response {
    let token = cookie_token(&headers).unwrap_or_else(new_token);
    let page = ValidatePage {
        ctx,
        token: token.clone(),
        source: String::new(),
        verdict: None,
    };
    let mut response = render(StatusCode::OK, &page.ctx, &page);
    set_cookie(&mut response, &token);
    response
}

/// What the form sent.
#[derive(Default)]
struct Submission {
    token: Option<String>,
    pasted: Vec<u8>,
    uploaded: Vec<u8>,
}

async fn read_form(request: Request) -> Result<Submission, StatusCode> {
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|_| StatusCode::BAD_REQUEST)?;
    let mut submission = Submission::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| StatusCode::BAD_REQUEST)?
    {
        let name = field.name().unwrap_or("").to_string();
        let bytes = field
            .bytes()
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE)?;
        if bytes.len() > MAX_BODY {
            return Err(StatusCode::PAYLOAD_TOO_LARGE);
        }
        match name.as_str() {
            CSRF_FIELD => submission.token = String::from_utf8(bytes.to_vec()).ok(),
            "source" => submission.pasted = bytes.to_vec(),
            "file" => submission.uploaded = bytes.to_vec(),
            _ => {}
        }
    }
    Ok(submission)
}

/// `POST /validate`.
pub async fn submit(ctx: Ctx, request: Request) -> Response {
    let cookie = cookie_token(request.headers());
    let submission = match read_form(request).await {
        Ok(submission) => submission,
        Err(status) => return error_page(ctx, status, None),
    };
    if !tokens_match(cookie.as_deref(), submission.token.as_deref()) {
        return error_page(ctx, StatusCode::FORBIDDEN, None);
    }
    let bytes = if submission.uploaded.is_empty() {
        // Browsers send textarea line ends as CRLF; the file's own are LF.
        String::from_utf8_lossy(&submission.pasted)
            .replace("\r\n", "\n")
            .into_bytes()
    } else {
        submission.uploaded
    };
    let source = String::from_utf8_lossy(&bytes).into_owned();
    let verdict =
        match tokio::task::spawn_blocking(move || validate(&bytes, &Options::default())).await {
            Ok(validation) => verdict_of(&source, &validation),
            Err(_) => return error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None),
        };
    let token = cookie.unwrap_or_else(new_token);
    let page = ValidatePage {
        ctx,
        token: token.clone(),
        source,
        verdict: Some(verdict),
    };
    let mut response = render(StatusCode::OK, &page.ctx, &page);
    set_cookie(&mut response, &token);
    response
}

fn verdict_of(source: &str, validation: &commons_publiccode::Validation) -> Verdict {
    let mut lines: Vec<SourceLine> = source
        .lines()
        .enumerate()
        .map(|(i, text)| SourceLine {
            number: i + 1,
            text: text.to_string(),
            problems: Vec::new(),
        })
        .collect();
    // Problems without a line (about the whole file) are only in the list above the source.
    for diagnostic in &validation.diagnostics {
        if let Some(line) = diagnostic
            .line
            .checked_sub(1)
            .and_then(|index| lines.get_mut(index))
        {
            line.problems.push(diagnostic.clone());
        }
    }
    Verdict {
        valid: validation.is_valid(),
        version: validation.version.clone(),
        errors: validation.errors().cloned().collect(),
        warnings: validation.warnings().cloned().collect(),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex() {
        let a = new_token();
        assert!(is_token(&a));
        assert_ne!(a, new_token());
    }

    #[test]
    fn a_post_needs_the_cookies_token_in_the_form() {
        let token = new_token();
        assert!(tokens_match(Some(&token), Some(&token)));
        assert!(!tokens_match(Some(&token), None));
        assert!(!tokens_match(None, Some(&token)));
        assert!(!tokens_match(Some(&token), Some(&new_token())));
        assert!(!tokens_match(Some(""), Some("")));
        assert!(!tokens_match(Some("unavailable"), Some("unavailable")));
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let token = new_token();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("a=b; {CSRF_COOKIE}={token}; c=d")).unwrap(),
        );
        assert_eq!(cookie_token(&headers), Some(token));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("commons_csrf=<script>"),
        );
        assert_eq!(cookie_token(&headers), None);
    }

    #[test]
    fn problems_are_put_on_their_lines() {
        let source = "publiccodeYmlVersion: \"0.4\"\nname: x\n";
        let validation = validate(source.as_bytes(), &Options::default());
        let verdict = verdict_of(source, &validation);
        assert!(!verdict.valid);
        assert_eq!(verdict.lines.len(), 2);
        let placed: usize = verdict.lines.iter().map(|l| l.problems.len()).sum();
        let with_line = validation.diagnostics.iter().filter(|d| d.line > 0).count();
        assert!(with_line > 0);
        assert_eq!(placed, with_line);
    }
}
