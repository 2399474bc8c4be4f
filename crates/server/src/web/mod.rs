//! The web UI: server-rendered pages in the six UN languages.
//!
//! Pages are askama templates (`templates/`, compiled into the binary, HTML auto-escaping on)
//! filled by the handlers of `pages.rs` and `validator.rs`. Every page gets a [`Ctx`]: the
//! reader's language (negotiated in `i18n.rs`), the translation helpers and the URLs of the
//! hashed assets (`assets.rs`).
//!
//! # Adding a page
//!
//! 1. Write a template that `{% extends "base.html" %}` and fills `{% block title %}` and
//!    `{% block main %}` (optionally `{% block head %}`); give its struct a `ctx: Ctx` field.
//! 2. Add its route in [`router`] and, to list it in the header, a [`NavItem`] in [`NAV`]
//!    with a message id present in every `locales/*/main.ftl`.
//! 3. Render it with [`render`].

pub(crate) mod admin;
mod assessment;
pub mod assets;
mod declarations;
mod feeds;
pub mod i18n;
mod licenses;
mod pages;
pub(crate) mod registry;
mod sentence;
mod status;
mod validator;

use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use fluent_bundle::{FluentArgs, FluentValue};
use i18n::Locale;

/// The pages' routes (merged at the root of the application).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::home))
        .route("/software", get(pages::results))
        .route("/software/{id}", get(pages::software))
        .route("/organisations", get(pages::organisations))
        .route("/duplicates", get(pages::duplicates))
        .route("/organisations/{id}", get(pages::organisation))
        .route("/about", get(pages::about))
        .route("/methodology", get(pages::methodology))
        .route("/status", get(status::status))
        .route("/licenses", get(licenses::licenses))
        .route(
            "/validate",
            get(validator::form)
                .post(validator::submit)
                .layer(DefaultBodyLimit::max(validator::MAX_FORM)),
        )
        .route("/admin", get(admin::account))
        .route("/admin/roles", get(admin::roles).post(admin::grant))
        .route(
            "/admin/roles/{id}/revoke",
            axum::routing::post(admin::revoke),
        )
        .route("/admin/requests", get(admin::requests))
        .route("/admin/requests/{id}", axum::routing::post(admin::decide))
        .route("/admin/audit", get(admin::audit))
        .route(
            "/admin/entries/{id}",
            get(admin::entry).post(admin::present_entry),
        )
        .route(
            "/admin/tokens/{organisation}",
            get(admin::tokens).post(admin::issue_token),
        )
        .route(
            "/admin/tokens/{organisation}/{id}/revoke",
            axum::routing::post(admin::revoke_token),
        )
        .route("/admin/declarations/{id}", get(declarations::show))
        .route(
            "/admin/declarations/{id}/{item}",
            axum::routing::post(declarations::write),
        )
        .route("/admin/publishers", get(registry::list))
        .route("/admin/publishers/registry.yml", get(registry::export))
        .route(
            "/admin/publishers/import",
            axum::routing::post(registry::import)
                .layer(DefaultBodyLimit::max(registry::MAX_IMPORT_FORM)),
        )
        .route(
            "/admin/publishers/new",
            get(registry::new_form).post(registry::create),
        )
        .route(
            "/admin/publishers/{id}",
            get(registry::edit_form).post(registry::update),
        )
        .route(
            "/admin/publishers/{id}/{verb}",
            axum::routing::post(registry::suspend),
        )
        .route("/publish", get(admin::publish).post(admin::publish_submit))
        .route("/assets/{name}", get(assets::serve))
        .route("/feeds/updates.atom", get(feeds::updates))
        .route("/feeds/organisations/{file}", get(feeds::organisation))
}

/// An entry of the header's navigation.
pub struct NavItem {
    /// The page's path.
    pub path: &'static str,
    /// The message id of its label.
    pub label_id: &'static str,
}

/// The header's navigation, in order.
pub const NAV: &[NavItem] = &[
    NavItem {
        path: "/software",
        label_id: "nav-software",
    },
    NavItem {
        path: "/organisations",
        label_id: "nav-organisations",
    },
    NavItem {
        path: "/status",
        label_id: "nav-status",
    },
    NavItem {
        path: "/licenses",
        label_id: "nav-licenses",
    },
    NavItem {
        path: "/validate",
        label_id: "nav-validate",
    },
    NavItem {
        path: "/about",
        label_id: "nav-about",
    },
];

/// A link of the language switcher.
pub struct LanguageLink {
    /// The language's tag.
    pub tag: &'static str,
    /// Its own name.
    pub name: &'static str,
    /// The current page in that language.
    pub href: String,
    /// Whether it is the page's language.
    pub current: bool,
}

/// A link of the navigation, resolved for one page.
pub struct NavLink {
    /// Where it goes (with the language).
    pub href: String,
    /// Its label.
    pub label: String,
    /// Whether the page is this section.
    pub current: bool,
}

/// What every page knows about its request: language, path, assets.
pub struct Ctx {
    /// The UI language.
    pub locale: Locale,
    path: String,
    /// The query string without `lang`, as pairs.
    query: Vec<(String, String)>,
    /// Who is asking.
    visitor: crate::auth::Visitor,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Ctx::from_parts(parts))
    }
}

impl Ctx {
    /// The context of a request.
    pub fn from_parts(parts: &Parts) -> Self {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
                .into_owned()
                .collect();
        let query_lang = pairs
            .iter()
            .find(|(k, _)| k == "lang")
            .map(|(_, v)| v.as_str());
        let accept = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let locale = i18n::negotiate(query_lang, accept);
        Ctx {
            locale,
            path: site_path(parts.uri.path()),
            query: pairs.into_iter().filter(|(k, _)| k != "lang").collect(),
            visitor: parts
                .extensions
                .get::<crate::auth::Visitor>()
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// A context for `locale` at `path` (tests, error pages).
    pub fn new(locale: Locale, path: &str) -> Self {
        Ctx {
            locale,
            path: path.to_string(),
            query: Vec::new(),
            visitor: crate::auth::Visitor::default(),
        }
    }

    /// The `lang` attribute of the page.
    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    /// The `dir` attribute of the page.
    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    /// A message.
    pub fn t(&self, id: &str) -> String {
        i18n::message(self.locale, id, None)
    }

    /// A message with a number `count` (plural rules apply).
    pub fn tn(&self, id: &str, count: impl Count) -> String {
        i18n::message_with(self.locale, id, "count", count.count())
    }

    /// A message with one text argument.
    pub fn ta(&self, id: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name, FluentValue::from(value));
        i18n::message(self.locale, id, Some(&args))
    }

    /// The label of a vocabulary value (see [`i18n::vocabulary_label`]).
    pub fn label(&self, vocabulary: &str, value: &str) -> String {
        i18n::vocabulary_label(self.locale, vocabulary, value)
    }

    /// The name of a language tag in the page's language: `fr` → "French" (the catalogs'
    /// words first), `pt-BR` → "Brazilian Portuguese" and `ku` → "Kurdish" (the CLDR's),
    /// `pt-XX` → "Portuguese (XX)"; a tag with no known language is shown as written.
    pub fn language_name(&self, tag: &str) -> String {
        let exact = i18n::vocabulary_id("language-name", tag);
        if let Some(name) = i18n::lookup(self.locale, &exact, None) {
            return name;
        }
        if let Some(name) = i18n::cldr_language_name(self.locale, tag) {
            return name.to_string();
        }
        let (primary, rest) = tag.split_once(['-', '_']).unwrap_or((tag, ""));
        let mut label = i18n::vocabulary_label(self.locale, "language-name", primary);
        if label == primary
            && let Some(name) = i18n::cldr_language_name(self.locale, primary)
        {
            label = name.to_string();
        }
        match (label == primary, rest.is_empty()) {
            (true, _) => tag.to_string(),
            (false, true) => label,
            (false, false) => format!("{label} ({rest})"),
        }
    }

    /// The name of a country code in the page's language (`KE` → "Kenya"), from the CLDR; a
    /// code it does not know is shown as written.
    pub fn country_name(&self, code: &str) -> String {
        i18n::country_name(self.locale, code).map_or_else(|| code.to_string(), str::to_string)
    }

    /// Whether text in language `tag` is in another language than the page (it then needs its
    /// own `lang` attribute).
    pub fn is_foreign(&self, tag: &str) -> bool {
        !self.locale.matches(tag)
    }

    /// A link inside the site that keeps the page's language.
    pub fn href(&self, path: &str) -> String {
        link_with_lang(path, self.locale)
    }

    /// The links of the language switcher: this page in each language.
    pub fn languages(&self) -> Vec<LanguageLink> {
        Locale::ALL
            .into_iter()
            .map(|locale| {
                let mut query = form_urlencoded::Serializer::new(String::new());
                query.extend_pairs(&self.query);
                query.append_pair("lang", locale.tag());
                LanguageLink {
                    tag: locale.tag(),
                    name: locale.native_name(),
                    href: format!("{}?{}", self.path, query.finish()),
                    current: locale == self.locale,
                }
            })
            .collect()
    }

    /// The header's navigation.
    pub fn nav(&self) -> Vec<NavLink> {
        NAV.iter()
            .map(|item| NavLink {
                href: self.href(item.path),
                label: self.t(item.label_id),
                current: self.path == item.path
                    || self.path.starts_with(&format!("{}/", item.path)),
            })
            .collect()
    }

    /// The person signed in, if any.
    pub fn viewer(&self) -> Option<&crate::auth::Viewer> {
        self.visitor.viewer.as_deref()
    }

    /// The CSRF token the forms of the person signed in carry (empty for nobody).
    pub fn csrf(&self) -> &str {
        self.viewer().map_or("", |v| v.csrf.as_str())
    }

    /// Whether this catalog offers sign-in (and nobody is signed in yet on this page).
    pub fn offers_sign_in(&self) -> bool {
        self.visitor.sign_in && self.visitor.viewer.is_none()
    }

    /// Whether the page is under `/admin` or is `/publish` (the account's pages).
    pub fn in_account(&self) -> bool {
        self.path == "/admin" || self.path.starts_with("/admin/") || self.path == "/publish"
    }

    /// `/login`, coming back to this page in this language.
    pub fn sign_in_href(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(&self.query);
        query.append_pair("lang", self.locale.tag());
        let here = format!("{}?{}", self.path, query.finish());
        let mut login = form_urlencoded::Serializer::new(String::new());
        login.append_pair("return_to", &here);
        format!("/login?{}", login.finish())
    }

    /// URL of an embedded asset.
    pub fn asset(&self, name: &str) -> String {
        assets::url(name)
    }
}

/// A number a message can be about (templates pass references to fields of any integer type).
pub trait Count {
    /// The number.
    fn count(&self) -> i64;
}

impl Count for i64 {
    fn count(&self) -> i64 {
        *self
    }
}

impl Count for u32 {
    fn count(&self) -> i64 {
        i64::from(*self)
    }
}

impl Count for u64 {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl Count for usize {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count> Count for &T {
    fn count(&self) -> i64 {
        (*self).count()
    }
}

/// A request path made safe to link to from the page: `//evil.example/x` (or `/\evil…`) is
/// an address on another site to a browser, so a run of leading slashes and backslashes
/// becomes one slash and every link built from it stays on this site.
fn site_path(path: &str) -> String {
    let rest = path.trim_start_matches(['/', '\\']);
    format!("/{rest}")
}

/// `path` with `lang=` added to its query.
pub fn link_with_lang(path: &str, locale: Locale) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}lang={}", locale.tag())
}

/// Renders a page with its status and language headers.
pub fn render(status: StatusCode, ctx: &Ctx, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => html_response(status, ctx, html),
        Err(error) => {
            tracing::error!(%error, "template failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be rendered",
            )
                .into_response()
        }
    }
}

/// A rendered page as an answer, with the headers every page has.
pub fn html_response(status: StatusCode, ctx: &Ctx, html: String) -> Response {
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(ctx.lang()),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The page for a failure: 404, 400, 403, 503 (busy), 500.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// The request's context.
    pub ctx: Ctx,
    /// The heading's message id.
    pub title_id: &'static str,
    /// The explanation's message id.
    pub text_id: &'static str,
    /// A technical detail (in English), when there is one.
    pub detail: Option<String>,
}

/// Renders an error page.
pub fn error_page(ctx: Ctx, status: StatusCode, detail: Option<String>) -> Response {
    let (title_id, text_id) = match status {
        StatusCode::NOT_FOUND => ("not-found-title", "not-found-text"),
        StatusCode::BAD_REQUEST => ("bad-request-title", "bad-request-text"),
        StatusCode::FORBIDDEN => ("forbidden-title", "forbidden-text"),
        StatusCode::UNAUTHORIZED => ("sign-in-needed-title", "sign-in-needed-text"),
        StatusCode::CONFLICT => ("conflict-title", "conflict-text"),
        StatusCode::SERVICE_UNAVAILABLE => ("busy-title", "busy-text"),
        StatusCode::TOO_MANY_REQUESTS => ("too-many-requests-title", "too-many-requests-text"),
        _ => ("server-error-title", "server-error-text"),
    };
    error_page_with(ctx, status, title_id, text_id, detail)
}

/// Renders an error page with its own heading and explanation.
pub fn error_page_with(
    ctx: Ctx,
    status: StatusCode,
    title_id: &'static str,
    text_id: &'static str,
    detail: Option<String>,
) -> Response {
    let page = ErrorPage {
        ctx,
        title_id,
        text_id,
        detail,
    };
    render(status, &page.ctx, &page)
}

/// The page for any address nothing else answers (the application's fallback).
pub async fn not_found(ctx: Ctx) -> Response {
    error_page(ctx, StatusCode::NOT_FOUND, None)
}

/// A failed API call as a page.
pub(crate) fn api_error_page(ctx: Ctx, error: crate::error::ApiError) -> Response {
    use crate::error::ApiError;
    match error {
        ApiError::NotFound(_) => error_page(ctx, StatusCode::NOT_FOUND, None),
        ApiError::BadRequest(detail) => error_page(ctx, StatusCode::BAD_REQUEST, Some(detail)),
        ApiError::PayloadTooLarge(limit) => {
            let mut page = error_page(
                ctx,
                StatusCode::PAYLOAD_TOO_LARGE,
                Some(format!("the request body is larger than {limit} bytes")),
            );
            // As in the API: the refused body is unread, so the connection ends here.
            page.headers_mut().insert(
                axum::http::header::CONNECTION,
                axum::http::HeaderValue::from_static("close"),
            );
            page
        }
        other => {
            tracing::error!(error = ?other, "page failed");
            error_page(ctx, StatusCode::INTERNAL_SERVER_ERROR, None)
        }
    }
}
