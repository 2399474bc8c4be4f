//! "Validate your publiccode.yml": paste or upload a file, see its errors and warnings against
//! its numbered lines.
//!
//! The form is protected against cross-site request forgery with a double-submit token: the
//! page sets a random token in a `SameSite=Strict` cookie and in a hidden field, and a POST is
//! accepted only when both are present and equal. Another site can make a browser send the
//! cookie only with a same-site request, and it cannot read the cookie to fill in the field.

use super::sentence::{Sentence, sentence};
use super::{Ctx, error_page, html_response, render};
use crate::api::validate::{MAX_BODY, RETRY_AFTER_SECONDS, Refused};
use crate::state::AppState;
use askama::Template;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use commons_publiccode::{Diagnostic, Message, MessageArg, Validation};

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

/// Problems listed on the page; the others are counted ("and N more").
const MAX_SHOWN: usize = 100;
/// Lines of source shown before and after each problem's line.
const CONTEXT_LINES: usize = 2;
/// Characters of a source line shown; the rest is cut (a file may be one line of 1 MiB).
const MAX_LINE_CHARS: usize = 160;
/// Characters of a problem's message shown (messages quote values, which may be huge).
const MAX_MESSAGE_CHARS: usize = 300;
/// Characters of a problem's key path shown.
const MAX_KEY_CHARS: usize = 120;
/// Largest file, once escaped as HTML, put back into the form.
const MAX_ECHO_BYTES: usize = 512 * 1024;
/// Largest page: one over it is rendered again without the source (by the limits above it
/// stays near 1.5 MB at worst, so this only guards against a mistake in them).
pub const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

/// A problem as the page shows it: key and message shortened, the message in the reader's
/// language.
pub struct Shown {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) key: String,
    pub(super) message: Sentence,
    error: bool,
}

impl Shown {
    /// How `d` is shown to a reader of `ctx`'s language.
    pub(super) fn of(ctx: &Ctx, d: &Diagnostic) -> Self {
        Shown {
            line: d.line,
            column: d.column,
            key: shortened(&d.key, MAX_KEY_CHARS),
            message: diagnostic_sentence(ctx, d),
            error: d.is_error(),
        }
    }

    pub(super) fn is_error(&self) -> bool {
        self.error
    }
}

/// One line of the submitted file, with the problems found on it.
pub struct SourceLine {
    number: usize,
    text: String,
    problems: Vec<Shown>,
}

/// Consecutive lines of the file around one or more problems.
pub struct Excerpt {
    lines: Vec<SourceLine>,
}

/// The validator page: the form, and after a submission its verdict.
#[derive(Template)]
#[template(path = "validate.html")]
pub struct ValidatePage {
    ctx: Ctx,
    token: String,
    source: String,
    /// The file was too large to be put back into the form.
    source_not_echoed: bool,
    verdict: Option<Verdict>,
}

/// The outcome of a submission.
pub struct Verdict {
    valid: bool,
    version: Option<String>,
    /// Every error found, shown or not.
    error_count: usize,
    /// Every warning found, shown or not.
    warning_count: usize,
    errors: Vec<Shown>,
    warnings: Vec<Shown>,
    /// Problems found but not listed.
    not_shown: usize,
    excerpts: Vec<Excerpt>,
}

/// `GET /validate`.
pub async fn form(ctx: Ctx, headers: HeaderMap) -> Response {
    let token = cookie_token(&headers).unwrap_or_else(new_token);
    let page = ValidatePage {
        ctx,
        token: token.clone(),
        source: String::new(),
        source_not_echoed: false,
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
pub async fn submit(State(state): State<AppState>, ctx: Ctx, request: Request) -> Response {
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
    let validation = match state.validations.validate(bytes).await {
        Ok(validation) => validation,
        Err(Refused::Busy) => return busy_page(ctx),
        Err(Refused::Failed(detail)) => {
            tracing::error!(%detail, "validation failed");
            return error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None);
        }
    };
    let token = cookie.unwrap_or_else(new_token);
    let mut response = verdict_page(ctx, token.clone(), source, &validation);
    set_cookie(&mut response, &token);
    response
}

fn busy_page(ctx: Ctx) -> Response {
    let mut response = error_page(ctx, StatusCode::SERVICE_UNAVAILABLE, None);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    response
}

/// The page of a verdict, within [`MAX_PAGE_BYTES`].
fn verdict_page(ctx: Ctx, token: String, source: String, validation: &Validation) -> Response {
    let verdict = verdict_of(&ctx, &source, validation);
    let echo = html_escaped_len(&source) <= MAX_ECHO_BYTES;
    let mut page = ValidatePage {
        ctx,
        token,
        source: if echo { source } else { String::new() },
        source_not_echoed: !echo,
        verdict: Some(verdict),
    };
    match page.render() {
        Ok(html) if html.len() <= MAX_PAGE_BYTES => html_response(StatusCode::OK, &page.ctx, html),
        _ => {
            tracing::warn!("validator page over its limit: rendered without the source");
            page.source = String::new();
            page.source_not_echoed = true;
            if let Some(verdict) = &mut page.verdict {
                verdict.excerpts.clear();
            }
            render(StatusCode::OK, &page.ctx, &page)
        }
    }
}

/// Bytes of the text once escaped by the templates (`<>&"'` become five bytes each).
fn html_escaped_len(text: &str) -> usize {
    text.bytes()
        .map(|b| match b {
            b'<' | b'>' | b'&' | b'"' | b'\'' => 5,
            _ => 1,
        })
        .sum()
}

/// A diagnostic's message in the reader's language. Values quoted from the file are cut as the
/// English message is: a hostile file's value may be megabytes long.
pub(super) fn diagnostic_sentence(ctx: &Ctx, d: &Diagnostic) -> Sentence {
    let message = d.l10n.as_ref().map(|m| Message {
        id: m.id.clone(),
        args: m
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MessageArg::Text(t) => MessageArg::Text(shortened(t, MAX_MESSAGE_CHARS)),
                    number => number.clone(),
                };
                (name.clone(), value)
            })
            .collect(),
    });
    sentence(
        ctx,
        &shortened(&d.message, MAX_MESSAGE_CHARS),
        message.as_ref(),
    )
}

fn shortened(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn verdict_of(ctx: &Ctx, source: &str, validation: &Validation) -> Verdict {
    let listed = validation.listed();
    let shown: Vec<&Diagnostic> = listed
        .iter()
        .filter(|d| d.is_error())
        .chain(listed.iter().filter(|d| !d.is_error()))
        .take(MAX_SHOWN)
        .collect();
    let total = validation.error_count() + validation.warning_count();
    Verdict {
        valid: validation.is_valid(),
        version: validation.version.clone(),
        error_count: validation.error_count(),
        warning_count: validation.warning_count(),
        errors: shown
            .iter()
            .filter(|d| d.is_error())
            .map(|d| Shown::of(ctx, d))
            .collect(),
        warnings: shown
            .iter()
            .filter(|d| !d.is_error())
            .map(|d| Shown::of(ctx, d))
            .collect(),
        not_shown: total.saturating_sub(shown.len()),
        excerpts: excerpts(ctx, source, &shown),
    }
}

/// The lines around each shown problem, overlapping ranges merged, in one pass over the file.
fn excerpts(ctx: &Ctx, source: &str, shown: &[&Diagnostic]) -> Vec<Excerpt> {
    let mut ranges: Vec<(usize, usize)> = shown
        .iter()
        .filter(|d| d.line > 0)
        .map(|d| {
            (
                d.line.saturating_sub(CONTEXT_LINES).max(1),
                d.line + CONTEXT_LINES,
            )
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out: Vec<Excerpt> = Vec::new();
    let mut wanted = merged.iter().peekable();
    for (index, text) in source.lines().enumerate() {
        let number = index + 1;
        while wanted.next_if(|(_, end)| *end < number).is_some() {}
        let Some(&&(start, _)) = wanted.peek() else {
            break;
        };
        if number < start {
            continue;
        }
        let line = SourceLine {
            number,
            text: shortened(text, MAX_LINE_CHARS),
            problems: shown
                .iter()
                .filter(|d| d.line == number)
                .map(|d| Shown::of(ctx, d))
                .collect(),
        };
        match out.last_mut() {
            Some(excerpt) if excerpt.lines.last().is_some_and(|l| l.number + 1 == number) => {
                excerpt.lines.push(line)
            }
            _ => out.push(Excerpt { lines: vec![line] }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::i18n::Locale;
    use commons_publiccode::{Options, validate};

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
        let ctx = Ctx::new(Locale::En, "/validate");
        let verdict = verdict_of(&ctx, source, &validation);
        assert!(!verdict.valid);
        let [excerpt] = verdict.excerpts.as_slice() else {
            panic!("one excerpt")
        };
        assert_eq!(excerpt.lines.len(), 2);
        let placed: usize = excerpt.lines.iter().map(|l| l.problems.len()).sum();
        let with_line = validation.diagnostics.iter().filter(|d| d.line > 0).count();
        assert!(with_line > 0);
        assert_eq!(placed, with_line);
    }

    #[test]
    fn only_the_lines_around_problems_are_shown_and_long_lines_are_cut() {
        let mut source: String = (1..=100).map(|i| format!("line {i}\n")).collect();
        source.push_str(&"x".repeat(10_000));
        let at = |line| Diagnostic::error("k", "m").at(line, 1);
        let diagnostics = [at(10), at(12), at(50), at(101)];
        let shown: Vec<&Diagnostic> = diagnostics.iter().collect();
        let ctx = Ctx::new(Locale::En, "/validate");
        let parts = excerpts(&ctx, &source, &shown);
        let numbers: Vec<Vec<usize>> = parts
            .iter()
            .map(|e| e.lines.iter().map(|l| l.number).collect())
            .collect();
        assert_eq!(
            numbers,
            [
                (8..=14).collect::<Vec<_>>(),
                (48..=52).collect(),
                (99..=101).collect()
            ]
        );
        let last = parts[2].lines.last().unwrap();
        assert_eq!(last.text.chars().count(), MAX_LINE_CHARS + 1);
        assert_eq!(last.problems.len(), 1);
    }
}
